package dev.descent.cli;

import dev.descent.DescentException;
import dev.descent.cli.dashboard.Dashboard;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code descent dashboard DIR...}: a local web page with every run under the directories, live. See {@link Dashboard}. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = {"Watch runs in a browser, like tensorboard --logdir: every train, resume, search and experiment run under the "
        + "directories, their histories as interactive charts that update as epochs are written, runs overlaid, and a search's "
        + "trials with the best trial's command. Read-only; stops on Ctrl-C."})
public final class DashboardCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Directories to watch (the --out of runs and searches).")
  List<Path> directories;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "6006", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); anything else shows your runs to the network.")
  String host;

  @Mixin
  DebugOption debugOption;

  /** Counted down when the server should stop; tests stop it without ending the JVM. */
  final CountDownLatch stop = new CountDownLatch(1);
  /** The port listened on, once started (tests give --port 0). */
  volatile int boundPort = -1;

  @Override
  public Integer call() throws Exception {
    if (!(port >= 0 && port <= 65535)) {
      throw new UsageException("--port " + port + ": must be in 0..65535");
    }
    for (Path d : directories) {
      if (!Files.isDirectory(d)) {
        throw new DescentException(d + ": no such directory; give the --out directory of a run or a search");
      }
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw new UsageException("--host " + host + ": unknown host; give an address of this machine such as 127.0.0.1");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!address.isLoopbackAddress()) {
      err.println("descent: warning: --host " + host + ": the dashboard is reachable from the network and has no login; "
          + "anyone who can connect sees these runs");
      err.flush();
    }
    Dashboard dashboard;
    try {
      dashboard = Dashboard.start(directories, host, port);
    } catch (BindException e) {
      throw new DescentException("--port " + port + ": " + host + ":" + port + " is in use (" + e.getMessage()
          + "); give another --port, or 0 for any free one");
    }
    boundPort = dashboard.port();
    Thread hook = new Thread(stop::countDown, "descent-dashboard-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("dashboard of %s on http://%s:%d/ (Ctrl-C stops)%n", directories, host.contains(":") ? "[" + host + "]" : host, dashboard.port());
    out.flush();
    try {
      stop.await();
    } finally {
      dashboard.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down, which is why we stopped
      }
    }
    return Main.OK;
  }
}
