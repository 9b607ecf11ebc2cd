package dev.descent.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON object on standard output instead of the text for people. */
public final class JsonOption {
  @Option(names = "--json", description = "Print one JSON object on stdout instead of the human-readable report.")
  boolean json;

  public boolean json() {
    return json;
  }
}
