package dev.descent.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: every command takes it; {@link Main} reads it from the arguments, before parsing can fail. */
public final class DebugOption {
  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;
}
