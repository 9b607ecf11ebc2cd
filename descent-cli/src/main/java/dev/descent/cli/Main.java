package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.tensor.Blas;
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
    // the command line owns its process: OpenBLAS's kernel and netlib's route to it, chosen for speed
    Blas.tuneProcess();
    System.setProperty("java.awt.headless", "true");
    // UTF-8 whatever the locale's encoding (ASCII in the C locale would print labels as '?')
    System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs {@code descent args} in process (the tests call this) and returns the exit code. */
  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandLine.defaultFactory());
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with commands made by {@code factory} (tests inject failures). */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    boolean debug = Arrays.asList(args).contains("--debug");
    // ./descent alone is the quickstart, and so is ./descent --out DIR
    String[] effective = args.length == 0 ? new String[] {"quickstart"}
        : args[0].equals("--out") || args[0].startsWith("--out=") ? concat("quickstart", args) : args;
    CommandLine cli = new CommandLine(new DescentCommand(), factory);
    // only the command named, when one is: the others' models need not be built (start-up time)
    Class<?> named = effective[0].startsWith("-") ? null : DescentCommand.SUBCOMMANDS.get(effective[0]);
    boolean versionOnly = effective.length == 1 && (effective[0].equals("--version") || effective[0].equals("-V"));
    if (named != null) {
      cli.addSubcommand(effective[0], named);
      if (named == QuickstartCommand.class) {
        cli.addSubcommand("train", TrainCommand.class);   // quickstart runs train
      }
    } else if (!versionOnly) {
      DescentCommand.SUBCOMMANDS.forEach(cli::addSubcommand);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("descent: " + printable(ex.getMessage()));
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
    int code;
    try {
      code = cli.execute(effective);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands Errors on; the stack unwound, there is memory (and stack) again to say so in one line
      err.println("descent: " + message(e));
      if (debug) {
        e.printStackTrace(err);
      }
      code = RUNTIME_ERROR;
    }
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

  /** Longer messages are cut: a value from the data (a 5 MB cell, a header of a million names) must not flood the terminal. */
  static final int MAX_MESSAGE = 1000;

  /**
   * The one line printed for {@code ex}: its message with control characters escaped (ESC from a
   * data file must not drive the terminal, a line break must not make two lines) and cut to
   * {@link #MAX_MESSAGE} characters.
   */
  static String message(Throwable ex) {
    return printable(rawMessage(ex));
  }

  static String printable(String message) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < message.length() && out.length() < MAX_MESSAGE; i++) {
      char c = message.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
        out.append(String.format("\\u%04X", (int) c));   // C0/C1 controls and bidi overrides
      } else {
        out.append(c);
      }
    }
    if (out.length() >= MAX_MESSAGE && message.length() > MAX_MESSAGE) {
      out.setLength(MAX_MESSAGE);
      out.append("… (").append(message.length() - MAX_MESSAGE).append(" more characters)");
    }
    return out.toString();
  }

  private static String rawMessage(Throwable ex) {
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
      long heap = Runtime.getRuntime().maxMemory() >> 20;
      return "out of memory: this run needs more than the heap's " + heap + " MB; raise it with JAVA_OPTS=-Xmx"
          + Math.max(1, (2 * heap + 1023) / 1024) + "g, or use smaller data, a smaller --batch-size or a smaller network"
          + " (large data sets train streamed: descent convert)";
    }
    if (ex instanceof StackOverflowError) {
      return "the input is nested too deeply to process (a stack overflow); check it for cycles or extreme nesting"
          + " (--debug shows where)";
    }
    return "internal error: " + ex;
  }
}
