/**
 * Networks as a stack of {@link dev.descent.nn.Layer}s that record themselves on a tape: {@link
 * dev.descent.nn.Dense} (the affine part), {@link dev.descent.nn.ActivationLayer}, and higher up
 * dropout and batch norm. A {@link dev.descent.nn.Network} plans one tape per batch shape and
 * mode ({@link dev.descent.nn.Plan}) and replays it, so a training step allocates nothing.
 * A small dense float32 network records its dense layers as one fused op, {@link
 * dev.descent.autodiff.DenseStack}, on the same tape.
 */
package dev.descent.nn;
