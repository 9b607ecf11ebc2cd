/**
 * Reverse-mode automatic differentiation: the only backpropagation there is.
 *
 * <p>An {@link dev.descent.autodiff.Op} computes its output in {@code forward()} and pushes the
 * gradient back to its inputs in {@code backward()}, side by side. A {@link
 * dev.descent.autodiff.Tape} records ops once and can replay them as often as needed, which is
 * how a network trains without allocating: the tape of a batch shape is built once, its buffers
 * are reused by every step. {@link dev.descent.autodiff.Graph} is the user-facing way to write
 * one's own cost on the same tape.
 */
package dev.descent.autodiff;
