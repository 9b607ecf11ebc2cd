/**
 * Networks as a stack of {@link dev.descent.nn.Layer}s that record themselves on a tape: {@link
 * dev.descent.nn.Dense} (the affine part), {@link dev.descent.nn.ActivationLayer}, and higher up
 * dropout and batch norm. A {@link dev.descent.nn.Network} plans one tape per batch shape and
 * mode ({@link dev.descent.nn.Plan}) and replays it, so a training step allocates nothing.
 * Small dense float32 networks train through a {@link dev.descent.nn.SmallNetStep} instead,
 * which computes the tape's numbers with the examples along each buffer's rows; both are a
 * {@link dev.descent.nn.TrainingStep}, which {@link dev.descent.nn.Network#trainingStep} chooses.
 */
package dev.descent.nn;
