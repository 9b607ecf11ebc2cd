package dev.descent.cli;

import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.run.NetworkSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** The network's shape: hidden layers, activation, initialization; defaults from {@link CoreDefaults}. */
public final class NetworkOptions {
  @Option(names = "--hidden", paramLabel = "N,N,...", split = ",",
      description = "Hidden layer sizes (default: ${DEFAULT-VALUE}); the output layer follows from the data.")
  List<Integer> hidden;

  @Option(names = "--activation", paramLabel = "NAME",
      description = "Hidden activation: relu, leaky-relu, tanh, sigmoid, linear (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--init", paramLabel = "NAME",
      description = "Weight init: zeros, random (×10), random:SCALE, xavier, glorot, he (default: ${DEFAULT-VALUE}).")
  String init;

  NetworkSpec spec() {
    Activation a;
    Init i;
    try {
      a = Activation.parse(activation);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--activation " + activation + ": " + e.getMessage());
    }
    try {
      i = Init.parse(init);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--init " + init + ": " + e.getMessage());
    }
    for (int k = 0; k < hidden.size(); k++) {
      if (hidden.get(k) < 1) {
        throw new UsageException("--hidden " + join(hidden) + ": layer " + (k + 1) + " has size " + hidden.get(k)
            + "; every hidden layer needs at least 1 unit, e.g. --hidden 20,7");
      }
    }
    return new NetworkSpec(hidden, a, i);
  }

  static String join(List<Integer> sizes) {
    StringBuilder sb = new StringBuilder();
    for (int s : sizes) {
      sb.append(sb.length() == 0 ? "" : ",").append(s);
    }
    return sb.toString();
  }
}
