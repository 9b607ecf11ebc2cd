/**
 * Data files to {@link dev.descent.data.Dataset}s: one {@link dev.descent.data.io.DataLoader}
 * per format (CSV, HDF5, MATLAB v5, NumPy {@code .npy}, MNIST's IDX), chosen by {@link
 * dev.descent.data.io.DataLoaders#forFile} from the extension or a format name, all configured
 * by one {@link dev.descent.data.io.LoadOptions}. Every problem with a file is a {@link
 * dev.descent.DescentException} naming the file (and line and column where there are lines);
 * sizes in a header are checked against the file before anything is allocated. {@link
 * dev.descent.data.io.ExamplesDirectory} converts a file in one streaming pass into a directory
 * of {@code .npy} arrays (docs/data-format.md).
 */
package dev.descent.data.io;
