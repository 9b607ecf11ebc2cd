/**
 * Optimizers as small composable transforms of the gradient, in the spirit of optax: a {@link
 * dev.descent.optim.GradientTransform} rewrites each gradient into a step, in place, and {@link
 * dev.descent.optim.Transforms#chain} strings them together ("scale by Adam, then add decayed
 * weights, then scale by −learning rate"). {@link dev.descent.optim.Optimizers} names the
 * course's recipes (gd, momentum, nesterov, rmsprop, adagrad, adam, adamw). {@link
 * dev.descent.optim.Ewa}, the exponentially weighted average, is the building block of momentum,
 * RMSprop and Adam. {@link dev.descent.optim.Optimizer} applies the steps; {@link
 * dev.descent.optim.State} and the {@link dev.descent.optim.Clock} are what a checkpoint saves.
 * Learning-rate schedules live in {@code dev.descent.optim.schedule}.
 */
package dev.descent.optim;
