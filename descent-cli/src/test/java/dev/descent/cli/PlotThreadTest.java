package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotThreadTest {
  /** Files come back in the order submitted, whichever thread drew them; drawHere runs on the caller's thread. */
  @Test
  void filesInSubmittedOrderAndDrawHereOnTheCaller() {
    Thread caller = Thread.currentThread();
    Thread[] drewHere = new Thread[1];
    Thread[] drewThere = new Thread[1];
    try (PlotThread plots = PlotThread.start()) {
      plots.submit(() -> {
        drewThere[0] = Thread.currentThread();
        return List.of(Path.of("cost.png"));
      });
      plots.drawHere(() -> {
        drewHere[0] = Thread.currentThread();
        return List.of(Path.of("boundary.png"));
      });
      plots.submit(List::of);
      plots.submit(() -> List.of(Path.of("confusion.png"), Path.of("gradient-norms.png")));
      assertEquals(List.of(Path.of("cost.png"), Path.of("boundary.png"), Path.of("confusion.png"), Path.of("gradient-norms.png")),
          plots.await());
    }
    assertSame(caller, drewHere[0]);
    assertNotEquals(caller, drewThere[0]);
  }

  /** A plot's exception reaches the caller as it was thrown (the CLI maps its class and message to the exit code). */
  @Test
  void firstFailureInOrderIsRethrownUnwrapped() {
    DescentException first = new DescentException("cannot write the figure: no space left on device", "cost.png", -1, -1, null);
    try (PlotThread plots = PlotThread.start()) {
      plots.submit(() -> {
        throw first;
      });
      plots.drawHere(() -> {
        throw new IllegalArgumentException("second");
      });
      assertSame(first, assertThrows(DescentException.class, plots::await));
    }
  }
}
