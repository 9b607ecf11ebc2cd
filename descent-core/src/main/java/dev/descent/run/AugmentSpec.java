package dev.descent.run;

import dev.descent.data.io.ImageShape;
import dev.descent.regularize.augment.Augmentation;
import dev.descent.regularize.augment.AugmentationLayer;
import dev.descent.regularize.augment.GaussianNoise;
import dev.descent.regularize.augment.HorizontalFlip;
import dev.descent.regularize.augment.ImageLayout;
import dev.descent.regularize.augment.RandomCrop;
import dev.descent.regularize.augment.RandomShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --augment STEP[,STEP...]}: {@code noise:SD} for any features; {@code flip},
 * {@code crop:PAD} and {@code shift:PIXELS} for images. The image layout is the data file's (HDF5
 * and NumPy image arrays, IDX); for other data it is inferred from the feature count as square
 * RGB images stored HWC (n = 3·s², e.g. 12288 for the course's 64×64×3 cats), and the summary
 * says so. The steps act on the features as trained, that is standardized per feature unless
 * {@code --no-normalize}; moving a standardized pixel to another place is exact only when the
 * pixels share their statistics (images scaled to [0, 1] and {@code --no-normalize}).
 *
 * <pre>{@code
 * AugmentSpec.parse("flip,crop:4", 12288, Optional.empty()).layout();   // 64×64×3 (HWC), inferred
 * }</pre>
 *
 * @param layout null when no step needs images
 * @param inferred whether the layout was guessed from the feature count
 */
public record AugmentSpec(String text, List<Augmentation> steps, ImageLayout layout, boolean inferred) {
  static final String ACCEPTED = "noise:SD (any features), flip, crop:PAD, shift:PIXELS (square RGB images)";

  public static AugmentSpec parse(String text, int features, Optional<ImageShape> shape) {
    List<Augmentation> steps = new ArrayList<>();
    ImageLayout layout = null;
    for (String raw : text.split(",", -1)) {
      String step = raw.trim();
      String[] parts = step.split(":", 2);
      String name = parts[0];
      String value = parts.length > 1 ? parts[1].trim() : null;
      if (!name.equals("noise") && !name.equals("flip") && !name.equals("crop") && !name.equals("shift")) {
        throw new IllegalArgumentException("--augment " + text + ": unknown step '" + step + "'; accepted: " + ACCEPTED);
      }
      if (!name.equals("noise") && layout == null) {
        layout = shape.isPresent() ? new ImageLayout(shape.get().height(), shape.get().width(), shape.get().channels())
            : squareRgb(text, features);
      }
      // the step's number is read first, so that its own message is not prefixed twice
      double amount = switch (name) {
        case "noise" -> number(text, step, value, "a standard deviation, e.g. noise:0.1");
        case "flip" -> value == null ? Double.NaN : number(text, step, value, "a probability, e.g. flip:0.5");
        case "crop" -> whole(text, step, value, "a padding in pixels, e.g. crop:4");
        default -> whole(text, step, value, "a largest shift in pixels, e.g. shift:2");
      };
      try {
        steps.add(switch (name) {
          case "noise" -> new GaussianNoise(amount);
          case "flip" -> value == null ? HorizontalFlip.of(layout) : new HorizontalFlip(layout, amount);
          case "crop" -> new RandomCrop(layout, (int) amount);
          default -> new RandomShift(layout, (int) amount);
        });
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--augment " + text + ": " + e.getMessage(), e);
      }
    }
    return new AugmentSpec(text, steps, layout, layout != null && shape.isEmpty());
  }

  /** The training-only first layer that applies the steps in turn. */
  public AugmentationLayer layer() {
    return new AugmentationLayer(Augmentation.chain(steps.toArray(new Augmentation[0])), text);
  }

  /** For the summary, e.g. "flip,crop:4 on 64×64×3 images (HWC; inferred from 12288 features: square RGB)". */
  public String describe(int features) {
    return layout == null ? text : text + " on " + layout.height() + "×" + layout.width() + "×" + layout.channels()
        + " images (HWC; " + (inferred ? "inferred from " + features + " features: square RGB)" : "as the data file stores them)");
  }

  static ImageLayout squareRgb(String text, int features) {
    int side = (int) Math.round(Math.sqrt(features / 3.0));
    if (features % 3 != 0 || side * side * 3 != features || side < 2) {
      throw new IllegalArgumentException("--augment " + text + ": flip, crop and shift need images, but " + features
          + " features are not a square RGB image (3·s² values, e.g. 12288 for 64×64×3); for other data use noise:SD");
    }
    return new ImageLayout(side, side, 3);
  }

  private static double number(String text, String step, String value, String expected) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("--augment " + text + ": '" + step + "' needs " + expected);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--augment " + text + ": '" + step + "' needs " + expected);
    }
  }

  private static int whole(String text, String step, String value, String expected) {
    double v = number(text, step, value, expected);
    if (v != Math.rint(v) || Math.abs(v) > 1e6) {
      throw new IllegalArgumentException("--augment " + text + ": '" + step + "' needs " + expected);
    }
    return (int) v;
  }
}
