package dev.descent.nn;

import dev.descent.tensor.Gemm;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Assembles a {@link Network} layer by layer; weights are drawn from forks of the given generator. */
public final class NetworkBuilder {
  private final int inputs;
  private final Precision precision;
  private final Rng rng;
  private final List<Layer> layers = new ArrayList<>();
  private final List<CostTerm> costTerms = new ArrayList<>();
  private Loss loss = Loss.BINARY_CROSS_ENTROPY;
  private Gemm gemm = Gemm.auto();
  private int width;
  private int denseCount;

  NetworkBuilder(int inputs, Precision precision, Rng rng) {
    if (inputs < 1) {
      throw new IllegalArgumentException("a network needs at least one input feature, got " + inputs);
    }
    this.inputs = inputs;
    this.width = inputs;
    this.precision = precision;
    this.rng = rng;
  }

  /** A dense layer of {@code units} with bias; layer numbers (W1, W2, …) count dense layers. */
  public NetworkBuilder dense(int units, Init init) {
    return dense(units, init, true);
  }

  public NetworkBuilder dense(int units, Init init, boolean bias) {
    if (units < 1) {
      throw new IllegalArgumentException("layer " + (denseCount + 1) + ": size " + units + ": must be at least 1");
    }
    denseCount++;
    layers.add(Dense.create(denseCount, init.weights(precision, units, width, rng.fork("init", denseCount)), bias));
    width = units;
    return this;
  }

  public NetworkBuilder activation(Activation activation) {
    return layer(new ActivationLayer(activation));
  }

  /** Any other layer (dropout, batch norm, …). */
  public NetworkBuilder layer(Layer layer) {
    layers.add(layer);
    width = layer.outputSize(width);
    return this;
  }

  public NetworkBuilder loss(Loss loss) {
    this.loss = loss;
    return this;
  }

  public NetworkBuilder costTerm(CostTerm term) {
    costTerms.add(term);
    return this;
  }

  public NetworkBuilder gemm(Gemm gemm) {
    this.gemm = gemm;
    return this;
  }

  /** The number of dense layers so far, i.e. the index of the last one. */
  public int denseCount() {
    return denseCount;
  }

  public int width() {
    return width;
  }

  public Precision precision() {
    return precision;
  }

  public Network build() {
    return new Network(inputs, layers, loss, precision, costTerms, rng.fork("masks", 0), gemm);
  }
}
