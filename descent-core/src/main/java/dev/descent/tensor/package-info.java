/**
 * Dense row-major matrices in float32 (the training fast path) and float64 (golden tests and
 * gradient checks), and the matrix product behind one interface: plain JIT-compiled loops for
 * the course's tiny shapes, OpenBLAS for everything larger.
 *
 * <p>Storage is a Java array per matrix, which the JIT compiles to plain loads and stores;
 * OpenBLAS calls stage their operands in direct buffers (see docs/design.md).
 */
package dev.descent.tensor;
