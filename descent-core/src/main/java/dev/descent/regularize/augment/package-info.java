/**
 * Data augmentation for training batches: {@link dev.descent.regularize.augment.GaussianNoise}
 * for tabular features; for images stored as HWC rows ({@link
 * dev.descent.regularize.augment.ImageLayout}) a {@link
 * dev.descent.regularize.augment.HorizontalFlip}, a zero-padded {@link
 * dev.descent.regularize.augment.RandomCrop} and small {@link
 * dev.descent.regularize.augment.RandomShift}s. All act in place on the batch with a seeded
 * generator, and only at training time.
 */
package dev.descent.regularize.augment;
