package dev.descent.cli;

import dev.descent.cli.plot.Figures;
import dev.descent.tensor.Blas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A second thread for a command that trains and then plots: started first, it loads OpenBLAS and
 * the drawing stack (fonts, the chart library, the PNG writer) while the command reads the data
 * and trains, then draws the plots it is given while the command's own thread draws others or
 * writes the model. Class loading and the first calls of a cold JVM are most of a short run's
 * plotting, and a 2-core machine has a core to spare for them while training is small.
 *
 * <p>Loading is only a head start: the same classes load on first use on any thread, so a load
 * that fails here fails again where it is used and is reported there. A plot's failure is
 * rethrown by {@link #await} on the caller's thread, as if the caller had drawn it.
 *
 * <pre>{@code
 * try (PlotThread plots = PlotThread.start()) {
 *   ... train ...
 *   plots.submit(() -> Plots.cost(result, dir));          // on the plot thread
 *   plots.drawHere(() -> Plots.boundary(result, dir));    // on this one, in await
 *   List<Path> written = plots.await();                   // [cost.png, boundary.png]
 * }
 * }</pre>
 */
final class PlotThread implements AutoCloseable {
  private final ExecutorService executor;
  private final List<Future<List<Path>>> submitted = new ArrayList<>();
  private final List<FutureTask<List<Path>>> here = new ArrayList<>();

  private PlotThread(ExecutorService executor) {
    this.executor = executor;
  }

  /** Starts the thread and its loading (OpenBLAS first: training's first large product needs it soonest). */
  static PlotThread start() {
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(task, "descent-plots");
      t.setDaemon(true);
      return t;
    });
    executor.execute(PlotThread::load);
    return new PlotThread(executor);
  }

  private static void load() {
    try {
      // not where products are asked to run in Java: loading would print that notice before any product
      if (System.getProperty(Blas.BACKEND_PROPERTY, "openblas").strip().equals("openblas")) {
        Blas.available();
      }
      Figures.load();
    } catch (RuntimeException | LinkageError e) {
      // NOTE: nothing to report here: the classes load again where they are used, and fail there with the message
    }
  }

  /** Queues {@code plot} (which writes files and returns them) behind the loading and the plots before it. */
  void submit(Supplier<List<Path>> plot) {
    submitted.add(executor.submit(plot::get));
  }

  /**
   * Keeps the place of {@code plot} among the submitted ones but draws it on the thread that
   * calls {@link #await}, while this thread draws the others: for the largest plot, or one that
   * reads objects that are not thread-safe (a {@code Network} predicts on one thread only).
   */
  void drawHere(Supplier<List<Path>> plot) {
    FutureTask<List<Path>> task = new FutureTask<>(plot::get);
    here.add(task);
    submitted.add(task);
  }

  /**
   * Draws the {@link #drawHere} plots, waits for the others and returns the files of all, in the
   * order submitted; the first failure in that order is rethrown as it was thrown.
   */
  List<Path> await() {
    for (FutureTask<List<Path>> task : here) {
      task.run();
    }
    here.clear();
    List<Path> files = new ArrayList<>();
    for (Future<List<Path>> f : submitted) {
      try {
        files.addAll(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error r) {
          throw r;
        }
        throw new AssertionError("a plot threw a checked exception", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the plots", e);
      }
    }
    submitted.clear();
    return files;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
