/**
 * Regularization: the {@link dev.descent.regularize.L2Penalty} and {@link
 * dev.descent.regularize.L1Penalty} cost terms (each a {@link dev.descent.regularize.WeightPenalty}
 * op on the training tape), inverted {@link dev.descent.regularize.Dropout} (a layer whose masks
 * come from a {@link dev.descent.regularize.MaskSource}), and data augmentation in {@code augment}.
 * Everything here acts through the tape; nothing adds a gradient beside it.
 */
package dev.descent.regularize;
