/**
 * Optimizers as small composable transforms of the gradient, in the spirit of optax: a {@link
 * dev.descent.optim.GradientTransform} rewrites each gradient into a step, in place, and {@link
 * dev.descent.optim.Transforms#chain} strings them together ("scale by Adam, then add decayed
 * weights, then scale by −learning rate"). {@link dev.descent.optim.Ewa}, the exponentially
 * weighted average, is the building block of momentum, RMSprop and Adam. {@link
 * dev.descent.optim.Optimizer} applies the steps; {@link dev.descent.optim.State} is what a
 * checkpoint saves.
 */
package dev.descent.optim;
