/**
 * Model files and checkpoints. Both are a {@link dev.descent.model.TensorFile}: a magic string,
 * a format version, a JSON header (architecture, normalizer, classes, settings, and a directory
 * of tensors with shapes and offsets), raw little-endian float64 data, and a CRC-32 of all of
 * it. Written to a temporary file and moved into place, so a crash leaves the old file or the
 * new one. Loading is data only: it never executes code, and rejects any size or shape beyond
 * what the header declares and the file holds.
 */
package dev.descent.model;
