/**
 * The {@code descent} command line: one short class per command, a thin shell over descent-core.
 * {@link dev.descent.cli.Main} maps every failure to an exit code in one place (2 usage, 1 data
 * or runtime) and prints one line, with a stack trace only under {@code --debug}.
 */
package dev.descent.cli;
