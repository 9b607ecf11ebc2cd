package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.regularize.augment.HorizontalFlip;
import dev.descent.regularize.augment.ImageLayout;
import dev.descent.regularize.augment.RandomCrop;
import dev.descent.regularize.augment.RandomShift;
import org.junit.jupiter.api.Test;

class AugmentSpecTest {

  @Test
  void imageStepsInferASquareRgbLayoutFromTheFeatureCount() {
    AugmentSpec s = AugmentSpec.parse("flip,crop:4,shift:2", 12288, java.util.Optional.empty());
    ImageLayout cats = new ImageLayout(64, 64, 3);
    assertEquals(cats, s.layout());
    assertEquals(new HorizontalFlip(cats, 0.5), s.steps().get(0));
    assertEquals(new RandomCrop(cats, 4), s.steps().get(1));
    assertEquals(new RandomShift(cats, 2), s.steps().get(2));
    assertEquals("flip,crop:4,shift:2 on 64×64×3 images (HWC; inferred from 12288 features: square RGB)", s.describe(12288));
    assertEquals("augmentation(flip,crop:4,shift:2)", s.layer().toString());
  }

  @Test
  void noiseNeedsNoLayout() {
    AugmentSpec s = AugmentSpec.parse("noise:0.1", 2, java.util.Optional.empty());
    assertNull(s.layout());
    assertEquals("noise:0.1", s.describe(2));
    assertEquals(new HorizontalFlip(new ImageLayout(2, 2, 3), 0.25), AugmentSpec.parse("flip:0.25", 12, java.util.Optional.empty()).steps().get(0));
  }

  @Test
  void theDataFilesImageShapeWins() {
    AugmentSpec s = AugmentSpec.parse("flip,shift:2", 784, java.util.Optional.of(new dev.descent.data.io.ImageShape(28, 28, 1)));
    assertEquals(new ImageLayout(28, 28, 1), s.layout());
    assertEquals("flip,shift:2 on 28×28×1 images (HWC; as the data file stores them)", s.describe(784));
  }

  @Test
  void aCropAsLargeAsTheImageIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugmentSpec.parse("crop:40", 48, java.util.Optional.empty()));
    assertEquals("--augment crop:40: crop pad = 40: must be in [1, 3] for 4×4×3 (HWC) images (at least 1 pixel, less than"
        + " the smaller side)", e.getMessage());
  }

  @Test
  void aFractionalShiftIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AugmentSpec.parse("shift:1.5", 12288, java.util.Optional.empty()));
    assertEquals("--augment shift:1.5: 'shift:1.5' needs a largest shift in pixels, e.g. shift:2", e.getMessage());
  }
}
