/**
 * Writing files safely, for every package below: {@link dev.descent.io.AtomicFile} (a temporary
 * file beside the target, then a rename; through to a FIFO or a terminal; a symbolic link's
 * target replaced, not the link) and {@link dev.descent.io.Temporaries} (what a write in
 * progress leaves is removed when the process is interrupted); and {@link dev.descent.io.Decimal},
 * the one way numbers are written as text for people (messages, option defaults, specs). Knows no
 * other package.
 */
package dev.descent.io;
