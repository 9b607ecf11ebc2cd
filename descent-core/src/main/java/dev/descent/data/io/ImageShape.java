package dev.descent.data.io;

/**
 * The shape of the images whose pixels a data set's rows hold, flattened in C order: pixel
 * (y, x, c) is column {@code (y·width + x)·channels + c}, as numpy's {@code reshape(m, -1)} of
 * an m × height × width × channels array. Augmentation needs it to flip and crop rows.
 *
 * <pre>{@code
 * new ImageShape(64, 64, 3).size();   // 12288, the course's cat images
 * }</pre>
 */
public record ImageShape(int height, int width, int channels) {

  public ImageShape {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("image shape " + height + "×" + width + "×" + channels
          + ": every dimension must be at least 1");
    }
  }

  /** Values per image: height · width · channels. */
  public int size() {
    return height * width * channels;
  }

  /** The column of pixel (y, x) in channel c. */
  public int column(int y, int x, int c) {
    return (y * width + x) * channels + c;
  }
}
