package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.tensor.Rng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PngWriterTest {
  /** Every pixel comes back from ImageIO's reader as written, through the packed path and through getRGB. */
  @Test
  void imageIoReadsBackEveryPixel() throws IOException {
    Rng rng = Rng.of(25);
    for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
      BufferedImage image = new BufferedImage(37, 11, type);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, rng.nextInt(0x1000000));
        }
      }
      BufferedImage back = Png.read(encode(image));
      assertEquals(37, back.getWidth());
      assertEquals(11, back.getHeight());
      assertArrayEquals(image.getRGB(0, 0, 37, 11, null, 0, 37), back.getRGB(0, 0, 37, 11, null, 0, 37), "type " + type);
    }
  }

  /** A sub-image shares its parent's pixels with an offset: read through getRGB, not as a packed array. */
  @Test
  void subImageIsWrittenAsItsOwnPixels() throws IOException {
    BufferedImage parent = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        parent.setRGB(x, y, (x * 12) << 16 | (y * 12) << 8 | 7);
      }
    }
    BufferedImage part = parent.getSubimage(5, 3, 9, 8);
    BufferedImage back = Png.read(encode(part));
    assertArrayEquals(part.getRGB(0, 0, 9, 8, null, 0, 9), back.getRGB(0, 0, 9, 8, null, 0, 9));
  }

  /** The file starts with the PNG signature and an IHDR of the image's size, 8-bit RGB. */
  @Test
  void headerNamesSizeAndColourType() throws IOException {
    byte[] png = encode(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(png, 8));
    assertEquals("IHDR", new String(png, 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(300, java.nio.ByteBuffer.wrap(png, 16, 4).getInt());
    assertEquals(200, java.nio.ByteBuffer.wrap(png, 20, 4).getInt());
    assertEquals(8, png[24]);
    assertEquals(2, png[25]);
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngWriter.write(image, out);
    return out.toByteArray();
  }
}
