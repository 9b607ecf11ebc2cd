package dev.descent.cli;

/** Entry point of the {@code descent} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("descent: the command line is being built");
  }
}
