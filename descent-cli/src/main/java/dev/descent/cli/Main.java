package dev.descent.cli;

import dev.descent.DescentException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code descent}: runs a command and maps failures to exit codes. */
public final class Main {
  public static final int OK = 0;
  public static final int RUNTIME_ERROR = 1;
  public static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // UTF-8 whatever the locale's encoding (ASCII in the C locale would print labels as '?')
    System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs {@code descent args} in process (the tests call this) and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandLine.defaultFactory());
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with commands made by {@code factory} (tests inject failures). */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    boolean debug = Arrays.asList(args).contains("--debug");
    String[] effective = args.length == 0 ? new String[] {"quickstart"} : args;
    CommandLine cli = new CommandLine(new DescentCommand(), factory);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("descent: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      return USAGE_ERROR;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      int code = exitCode(ex);
      err.println("descent: " + message(ex));
      if (debug) {
        ex.printStackTrace(err);
      } else if (code == RUNTIME_ERROR && !(ex instanceof DescentException)) {
        err.println("(run again with --debug for the stack trace)");
      }
      err.flush();
      return code;
    });
    int code = cli.execute(effective);
    out.flush();
    err.flush();
    return code;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
      return USAGE_ERROR;
    }
    return RUNTIME_ERROR;
  }

  static String message(Throwable ex) {
    if (ex instanceof DescentException || ex instanceof UsageException
        || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
      return ex.getMessage();
    }
    if (ex instanceof InternalError && String.valueOf(ex.getMessage()).contains("unsafe memory access")) {
      // the JVM's report of a read from a memory-mapped file that lost its pages (SIGBUS)
      return "a memory-mapped data file became shorter while it was being read (truncated or replaced while in use?);"
          + " convert or copy the data again and rerun";
    }
    if (ex instanceof OutOfMemoryError) {
      return "out of memory; use a smaller --batch-size or a smaller network, or give Java more memory (JAVA_OPTS=-Xmx8g)";
    }
    return "internal error: " + ex;
  }
}
