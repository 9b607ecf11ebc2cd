package dev.descent.data.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code descent convert}: the data file and how to read it (as {@code train --data} would),
 * the precision of the written features, and the directory to create.
 *
 * @param source the data file, as the user named it (recorded in dataset.json)
 * @param format a format name overriding the extension: csv, hdf5, mat, idx
 * @param options how to read the file (label column, classes, regression, HDF5 datasets, labels file)
 * @param float64 features as float64 ({@code <f8}) instead of float32 ({@code <f4})
 * @param out the directory to create
 * @param replace replace {@code out} when it exists and is not empty (after the new one is complete)
 */
public record Conversion(Path source, Optional<String> format, LoadOptions options, boolean float64,
    Path out, boolean replace) {}
