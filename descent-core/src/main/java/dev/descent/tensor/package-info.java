/**
 * Dense row-major matrices in float32 (the training fast path) and float64 (golden tests and
 * gradient checks), and the matrix product behind one interface: plain JIT-compiled loops for
 * the course's tiny shapes, OpenBLAS for everything larger.
 *
 * <p>Storage is off-heap (direct NIO buffers in native order) so that OpenBLAS reads and writes
 * the same memory the Java loops use: no copy on either side of a BLAS call.
 */
package dev.descent.tensor;
