package dev.descent.regularize.augment;

import dev.descent.tensor.Matrix;

/**
 * How an image is stored in one feature row: height × width × channels values in HWC order,
 * so pixel (y, x) channel c is column {@code (y·width + x)·channels + c}. The transformations
 * here move pixels in place within one row; the random augmentations call them.
 *
 * <pre>{@code
 * ImageLayout rgb = new ImageLayout(32, 32, 3);
 * rgb.column(0, 1, 2);   // 5: pixel (0, 1), blue
 * }</pre>
 */
public record ImageLayout(int height, int width, int channels) {
  /** What fills the pixels a shift uncovers. */
  public enum Fill {
    /** Zeros, as if the image were padded with black. */
    ZERO,
    /** The nearest edge pixel, repeated (no black border). */
    NEAREST
  }

  public ImageLayout {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("image layout " + height + "×" + width + "×" + channels
          + " (height × width × channels): each must be at least 1");
    }
  }

  /** Values per image: height · width · channels. */
  public int size() {
    return height * width * channels;
  }

  public int column(int y, int x, int c) {
    return (y * width + x) * channels + c;
  }

  /** Throws unless {@code features} rows hold one image each. */
  public void requireRows(Matrix features) {
    if (features.cols() != size()) {
      throw new IllegalArgumentException("features have " + features.cols() + " columns but the image layout "
          + height + "×" + width + "×" + channels + " (HWC) needs " + size() + "; check the image size and channels");
    }
  }

  /** Mirrors image {@code row} left to right: pixel (y, x) swaps with (y, width − 1 − x). */
  public void flip(Matrix features, int row) {
    int base = row * features.cols();
    for (int y = 0; y < height; y++) {
      for (int x = 0, mirror = width - 1; x < mirror; x++, mirror--) {
        for (int c = 0; c < channels; c++) {
          int a = base + column(y, x, c);
          int b = base + column(y, mirror, c);
          double t = features.getFlat(a);
          features.setFlat(a, features.getFlat(b));
          features.setFlat(b, t);
        }
      }
    }
  }

  /**
   * Moves the content of image {@code row} down by {@code dy} and right by {@code dx} (negative:
   * up, left): pixel (y, x) becomes the old (y − dy, x − dx), and uncovered pixels get {@code fill}.
   * In place: rows and columns are visited away from the direction of the move, so every source
   * pixel is read before it is overwritten.
   */
  public void shift(Matrix features, int row, int dy, int dx, Fill fill) {
    int base = row * features.cols();
    for (int i = 0; i < height; i++) {
      int y = dy > 0 ? height - 1 - i : i;
      for (int j = 0; j < width; j++) {
        int x = dx > 0 ? width - 1 - j : j;
        int sy = y - dy;
        int sx = x - dx;
        boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
        if (!inside && fill == Fill.NEAREST) {
          sy = Math.max(0, Math.min(height - 1, sy));
          sx = Math.max(0, Math.min(width - 1, sx));
        }
        for (int c = 0; c < channels; c++) {
          double v = inside || fill == Fill.NEAREST ? features.getFlat(base + column(sy, sx, c)) : 0;
          features.setFlat(base + column(y, x, c), v);
        }
      }
    }
  }

  @Override
  public String toString() {
    return height + "×" + width + "×" + channels + " (HWC)";
  }
}
