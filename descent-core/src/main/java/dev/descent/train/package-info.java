/**
 * The training loop ({@link dev.descent.train.Trainer}) and what reads it: {@link
 * dev.descent.train.Callback}s (early stopping, progress, gradient norms), the {@link
 * dev.descent.train.History} of costs and metrics, and evaluation.
 */
package dev.descent.train;
