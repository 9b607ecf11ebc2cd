package dev.descent.regularize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Init;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;

/** The golden [4,5,3,1] relu/relu/sigmoid net of dense_binary.json, optionally with a layer after each hidden activation. */
public final class GoldenNet {
  public static final JsonNode G = Golden.load("dense_binary.json");

  private GoldenNet() {}

  /** {@code afterHidden[l]} (may be null) follows hidden activation l+1. */
  public static Network build(Precision p, Layer[] afterHidden, CostTerm... terms) {
    NetworkBuilder b = Network.builder(4, p, Rng.of(1));
    b.dense(5, Init.zeros()).activation(Activation.RELU);
    if (afterHidden != null && afterHidden[0] != null) {
      b.layer(afterHidden[0]);
    }
    b.dense(3, Init.zeros()).activation(Activation.RELU);
    if (afterHidden != null && afterHidden[1] != null) {
      b.layer(afterHidden[1]);
    }
    b.dense(1, Init.zeros()).loss(Loss.BINARY_CROSS_ENTROPY);
    for (CostTerm t : terms) {
      b.costTerm(t);
    }
    Network net = b.build();
    for (Variable v : net.parameters()) {
      v.value().copyFrom(Golden.matrix(G.get("params").get(v.name()), Precision.F64));
    }
    return net;
  }

  public static Matrix x() {
    return Golden.matrix(G.get("X"), Precision.F64);
  }

  public static Matrix y() {
    return Golden.column(G.get("Y"), Precision.F64);
  }

  public static Matrix mask(String name) {
    return Golden.matrix(G.get("dropout").get("masks").get(name), Precision.F64);
  }
}
