package dev.descent.cli;

import dev.descent.cli.serve.PredictionServer;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.tensor.Blas;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent serve}: a saved model behind HTTP until the process is stopped. See {@link PredictionServer}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a saved model over HTTP: POST /predict with {\"rows\": [[...], ...]} or rows by feature name, "
        + "GET /health, GET /model. Stops on Ctrl-C.",
        "curl -H 'Content-Type: application/json' -d '{\"rows\": [[0.5, -0.2]]}' http://127.0.0.1:8080/predict"})
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads, each with its own copy of the model (default: the number of cores).")
  Integer threads;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "10485760",
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}, 10 MiB).")
  long maxBody;

  @Mixin
  DebugOption debugOption;

  /** Counted down when the server should stop; tests stop it without ending the JVM. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!(port >= 0 && port <= 65535)) {
      throw new UsageException("--port " + port + ": must be in 0..65535");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UsageException("--threads " + n + ": must be at least 1");
    }
    if (maxBody < 1) {
      throw new UsageException("--max-body " + maxBody + ": must be at least 1 byte");
    }
    try {
      java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw new UsageException("--host " + host + ": unknown host; give an address of this machine such as 127.0.0.1");
    }
    List<Model> copies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      copies.add(ModelFile.read(modelOption.model));
    }
    // requests are the parallelism: OpenBLAS threads in concurrent products only wait on each other
    // (256-row requests: 9 000 rows/s with 2 OpenBLAS threads per product, 400 000 with 1)
    Blas.setThreads(1);
    PredictionServer server;
    try {
      server = PredictionServer.start(copies, host, port, maxBody);
    } catch (BindException e) {
      throw new UsageException("--host " + host + " --port " + port + ": cannot listen (" + e.getMessage()
          + "); choose another --port (0 for any free one) or an address of this machine");
    }
    Thread hook = new Thread(stop::countDown, "descent-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("serving %s on http://%s:%d with %d threads: POST /predict, GET /health, GET /model (Ctrl-C stops)%n",
        modelOption.model, host, server.port(), n);
    out.flush();
    try {
      stop.await();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down, which is why we stopped
      }
    }
    return Main.OK;
  }
}
