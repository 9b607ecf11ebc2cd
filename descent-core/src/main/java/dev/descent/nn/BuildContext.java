package dev.descent.nn;

import dev.descent.tensor.Gemm;
import dev.descent.tensor.Rng;

/** What layers need while recording: the mode, a generator for masks, and the product kernel. */
public record BuildContext(Mode mode, Rng rng, Gemm gemm) {}
