package dev.descent.model;

/** The Descent release that writes files (recorded in every file's header, for provenance). */
public final class Version {
  public static final String CURRENT = "0.1.0";

  private Version() {}
}
