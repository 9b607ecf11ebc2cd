/**
 * Data sets and their preparation: {@link dev.descent.data.Dataset}, seeded {@link
 * dev.descent.data.Split}s by ratio, the {@link dev.descent.data.Standardizer} fitted on train
 * only, and {@link dev.descent.data.MiniBatches}. Generators live in {@code generate}, file
 * loaders in {@code io}.
 */
package dev.descent.data;
