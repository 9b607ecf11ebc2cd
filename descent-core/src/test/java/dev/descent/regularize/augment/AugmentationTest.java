package dev.descent.regularize.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.regularize.augment.ImageLayout.Fill;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 2×3 image with 2 channels, HWC, values 1..12: channel 0 reads
 * <pre>
 *   1  3  5
 *   7  9 11
 * </pre>
 * and channel 1 is channel 0 plus 1.
 */
class AugmentationTest {
  static final ImageLayout TINY = new ImageLayout(2, 3, 2);
  static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  static Matrix batch(Precision p, int rows) {
    Matrix m = Matrix.zeros(p, rows, IMAGE.length);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < IMAGE.length; k++) {
        m.set(i, k, IMAGE[k]);
      }
    }
    return m;
  }

  static double[] shifted(int dy, int dx, Fill fill) {
    Matrix m = batch(Precision.F64, 1);
    TINY.shift(m, 0, dy, dx, fill);
    return m.row(0);
  }

  @Test
  void flipMirrorsEachRowOfPixelsKeepingChannels() {
    Matrix m = batch(Precision.F32, 1);
    TINY.flip(m, 0);
    assertArrayEquals(new double[] {5, 6, 3, 4, 1, 2, 11, 12, 9, 10, 7, 8}, m.row(0));
    TINY.flip(m, 0);
    assertArrayEquals(IMAGE, m.row(0));
  }

  @Test
  void shiftsMovePixelsExactly() {
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6}, shifted(1, 0, Fill.ZERO));
    assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 0, 0, 7, 8, 9, 10}, shifted(0, 1, Fill.ZERO));
    assertArrayEquals(new double[] {9, 10, 11, 12, 0, 0, 0, 0, 0, 0, 0, 0}, shifted(-1, -1, Fill.ZERO));
    assertArrayEquals(new double[] {9, 10, 11, 12, 11, 12, 9, 10, 11, 12, 11, 12}, shifted(-1, -1, Fill.NEAREST));
    assertArrayEquals(new double[] {1, 2, 1, 2, 3, 4, 1, 2, 1, 2, 3, 4}, shifted(1, 1, Fill.NEAREST));
    assertArrayEquals(IMAGE, shifted(0, 0, Fill.ZERO));
  }

  @Test
  void shiftTouchesOnlyItsRow() {
    Matrix m = batch(Precision.F64, 3);
    TINY.shift(m, 1, 1, -1, Fill.ZERO);
    assertArrayEquals(IMAGE, m.row(0));
    assertArrayEquals(IMAGE, m.row(2));
  }

  /** Crop by definition: pad with zeros into a (h+2p)×(w+2p) array, then take the window at (oy, ox). */
  static double[] cropReference(int pad, int oy, int ox) {
    int h = 2 + 2 * pad;
    int w = 3 + 2 * pad;
    double[][][] padded = new double[h][w][2];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        for (int c = 0; c < 2; c++) {
          padded[y + pad][x + pad][c] = IMAGE[(y * 3 + x) * 2 + c];
        }
      }
    }
    double[] out = new double[12];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        for (int c = 0; c < 2; c++) {
          out[(y * 3 + x) * 2 + c] = padded[y + oy][x + ox][c];
        }
      }
    }
    return out;
  }

  @Test
  void randomCropTakesTheWindowAtTheDrawnOffsetOfTheZeroPaddedImage() {
    Matrix m = batch(Precision.F64, 40);
    new RandomCrop(TINY, 1).apply(m, Rng.of(11));
    Rng draws = Rng.of(11);
    Set<String> offsets = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      int oy = draws.nextInt(3);
      int ox = draws.nextInt(3);
      offsets.add(oy + "," + ox);
      assertArrayEquals(cropReference(1, oy, ox), m.row(i), "row " + i + " offset " + oy + "," + ox);
    }
    assertEquals(9, offsets.size(), "every offset in [0, 2]² is drawn in 40 rows");
    // offset (1, 1) is the original image; (0, 0) moves it down and right by one
    assertArrayEquals(IMAGE, cropReference(1, 1, 1));
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4}, cropReference(1, 0, 0));
  }

  @Test
  void randomShiftRepeatsTheEdgeAtTheDrawnShift() {
    Matrix m = batch(Precision.F64, 30);
    new RandomShift(TINY, 1).apply(m, Rng.of(5));
    Rng draws = Rng.of(5);
    for (int i = 0; i < 30; i++) {
      int dy = draws.nextInt(3) - 1;
      int dx = draws.nextInt(3) - 1;
      double[] expected = new double[12];
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          int sy = Math.max(0, Math.min(1, y - dy));
          int sx = Math.max(0, Math.min(2, x - dx));
          for (int c = 0; c < 2; c++) {
            expected[(y * 3 + x) * 2 + c] = IMAGE[(sy * 3 + sx) * 2 + c];
          }
        }
      }
      assertArrayEquals(expected, m.row(i), "row " + i + " shift " + dy + "," + dx);
    }
  }

  @Test
  void horizontalFlipFlipsAboutHalfTheRowsAsDrawn() {
    Matrix m = batch(Precision.F64, 1000);
    HorizontalFlip.of(TINY).apply(m, Rng.of(3));
    Rng draws = Rng.of(3);
    int flipped = 0;
    for (int i = 0; i < 1000; i++) {
      boolean flip = draws.nextDouble() < 0.5;
      flipped += flip ? 1 : 0;
      assertEquals(flip ? 5.0 : 1.0, m.get(i, 0), "row " + i);
    }
    // Binomial(1000, 0.5): 500 ± 16 (one standard deviation)
    assertTrue(flipped > 450 && flipped < 550, flipped + " flipped");
  }

  @Test
  void gaussianNoiseAddsSdTimesTheDrawnNormals() {
    Matrix m = Matrix.zeros(Precision.F64, 100, 100);
    new GaussianNoise(0.1).apply(m, Rng.of(8));
    Rng draws = Rng.of(8);
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < m.size(); k++) {
      assertEquals(0.1 * draws.nextGaussian(), m.getFlat(k));
      sum += m.getFlat(k);
      squares += m.getFlat(k) * m.getFlat(k);
    }
    // 10 000 draws: mean 0 ± 0.001, sd 0.1 ± 0.0007 (one standard error each)
    assertEquals(0, sum / m.size(), 0.004);
    assertEquals(0.1, Math.sqrt(squares / m.size()), 0.003);
  }

  @Test
  void chainAppliesInOrder() {
    Matrix m = batch(Precision.F64, 1);
    Augmentation.chain(new HorizontalFlip(TINY, 1), (f, r) -> TINY.shift(f, 0, 1, 0, Fill.ZERO)).apply(m, Rng.of(1));
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 5, 6, 3, 4, 1, 2}, m.row(0));
  }

  @Test
  void badSettingsAreRejected() {
    assertEquals("image layout 0×3×1 (height × width × channels): each must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> new ImageLayout(0, 3, 1)).getMessage());
    assertEquals("features have 11 columns but the image layout 2×3×2 (HWC) needs 12; check the image size and channels",
        assertThrows(IllegalArgumentException.class,
            () -> HorizontalFlip.of(TINY).apply(Matrix.zeros(Precision.F64, 1, 11), Rng.of(1))).getMessage());
    assertEquals("crop pad = 0: must be in [1, 1] for 2×3×2 (HWC) images (at least 1 pixel, less than the smaller side)",
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(TINY, 0)).getMessage());
    assertEquals("crop pad = 2: must be in [1, 1] for 2×3×2 (HWC) images (at least 1 pixel, less than the smaller side)",
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(TINY, 2)).getMessage());
    assertEquals("maxShift = 5: must be in [1, 1] for 2×3×2 (HWC) images (at least 1 pixel, less than the smaller side)",
        assertThrows(IllegalArgumentException.class, () -> new RandomShift(TINY, 5)).getMessage());
    assertEquals("flip probability = 1.5: must be in [0, 1]; the usual value is 0.5",
        assertThrows(IllegalArgumentException.class, () -> new HorizontalFlip(TINY, 1.5)).getMessage());
    assertEquals("noise sd = 0.0: must be a finite number > 0, e.g. 0.1 on standardized features; to add no noise"
        + " leave the augmentation out", assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(0)).getMessage());
    assertEquals("noise sd = NaN: must be a finite number > 0, e.g. 0.1 on standardized features; to add no noise"
        + " leave the augmentation out", assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(Double.NaN)).getMessage());
  }
}
