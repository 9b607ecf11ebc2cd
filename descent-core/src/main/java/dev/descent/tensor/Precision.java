package dev.descent.tensor;

/** The element type of a {@link Matrix}: float32 to train fast, float64 to check and compare. */
public enum Precision {
  F32(Float.BYTES),
  F64(Double.BYTES);

  private final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }
}
