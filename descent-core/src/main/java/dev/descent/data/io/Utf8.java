package dev.descent.data.io;

/**
 * Strict UTF-8 validation of bytes, as a strict {@link java.nio.charset.CharsetDecoder} would
 * judge them: no overlong forms, no surrogates, nothing beyond U+10FFFF, no cut sequence.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] b, int from, int to) {
    int k = from;
    while (k < to) {
      int c = b[k] & 0xff;
      if (c < 0x80) {
        k++;
        continue;
      }
      int length;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        length = 3;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        length = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (k + length > to) {
        return false;
      }
      int code = c & (0xff >> (length + 1));
      for (int i = 1; i < length; i++) {
        int next = b[k + i] & 0xff;
        if ((next & 0xc0) != 0x80) {
          return false;
        }
        code = (code << 6) | (next & 0x3f);
      }
      if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return false;
      }
      k += length;
    }
    return true;
  }
}
