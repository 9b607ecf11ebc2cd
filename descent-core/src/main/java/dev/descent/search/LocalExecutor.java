package dev.descent.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs trials on {@code threads} threads of this process, each taking the next trial in id
 * order. Default: one thread per available processor. If anything other than a trial's own
 * failure goes wrong (a journal write, an Error), the threads take no new trial, the running
 * ones finish, and the first such error is rethrown.
 *
 * <pre>{@code
 * Executor parallel3 = new LocalExecutor(3);
 * }</pre>
 */
public final class LocalExecutor implements Executor {
  private final int threads;

  public LocalExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallel = " + threads + ": must be at least 1 thread");
    }
    this.threads = threads;
  }

  /** One thread per available processor. */
  public static LocalExecutor ofAvailableProcessors() {
    return new LocalExecutor(Runtime.getRuntime().availableProcessors());
  }

  public int threads() {
    return threads;
  }

  @Override
  public void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialRecord> done) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work = () -> {
      try {
        for (int i = next.getAndIncrement(); i < trials.size() && failure.get() == null; i = next.getAndIncrement()) {
          done.accept(runner.run(trials.get(i)));
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < Math.min(threads, trials.size()); t++) {
      Thread worker = new Thread(work, "search-worker-" + t);
      workers.add(worker);
      worker.start();
    }
    try {
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      workers.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new SearchInterrupted("search interrupted; the trials in flight were not recorded and run again on resume", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("a search worker failed: " + t, t);
    }
  }

  @Override
  public String toString() {
    return "local(" + threads + " threads)";
  }
}
