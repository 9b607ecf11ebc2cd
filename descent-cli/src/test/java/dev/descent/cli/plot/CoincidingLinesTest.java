package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 23: a curve drawn over one it hides gets a dash and a name ("momentum (on gd)"). */
class CoincidingLinesTest {
  private static Drawable line(String name, double... y) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return new Drawable(name, x, y);
  }

  @Test
  void aLineWithinOnePercentOfAnEarlierOneAtNineTenthsOfItsPointsCoincides() {
    Drawable gd = line("gd", 1, 0.8, 0.6, 0.5, 0.4, 0.35, 0.3, 0.28, 0.26, 0.25);
    Drawable momentum = line("momentum", 1, 0.801, 0.6, 0.5, 0.4, 0.35, 0.3, 0.28, 0.26, 0.25);
    Drawable warmup = line("warmup", 0.1, 0.8, 0.6, 0.5, 0.4, 0.35, 0.3, 0.28, 0.26, 0.25);   // differs at 1 point of 10
    Drawable adam = line("adam", 1, 0.5, 0.3, 0.2, 0.15, 0.12, 0.1, 0.09, 0.08, 0.07);
    assertEquals("gd", XyRenderer.coincidesWith(momentum, List.of(gd), true));
    assertEquals("gd", XyRenderer.coincidesWith(warmup, List.of(gd), false));
    assertNull(XyRenderer.coincidesWith(adam, List.of(gd), true));
    assertNull(XyRenderer.coincidesWith(line("short", 1, 0.8), List.of(gd), false));
  }
}
