package dev.descent.nn;

import dev.descent.autodiff.DenseStack;
import dev.descent.autodiff.Pointwise;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Gemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed-forward network: layers from input to logits, then a {@link Loss} that gives both the
 * cost and the output function (sigmoid, softmax or linear).
 *
 * <pre>{@code
 * Network net = Network.builder(2, Precision.F32, Rng.of(3))
 *     .dense(5, Init.he()).activation(Activation.RELU)
 *     .dense(2, Init.he()).activation(Activation.RELU)
 *     .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
 * Plan plan = net.plan(64, Mode.TRAIN);   // built once, replayed every step
 * }</pre>
 */
public final class Network {
  private final int inputs;
  private final List<Layer> layers;
  private final Loss loss;
  private final Precision precision;
  private final List<CostTerm> costTerms;
  private final Rng masks;
  private final Gemm gemm;
  private final Map<Long, Plan> plans = new HashMap<>();
  // the plans of the last two lookups per mode: a training loop alternates between the full
  // batch and the last partial one, and must find both without boxing a key (no allocation)
  private final Plan[] recentTrain = new Plan[2];
  private final Plan[] recentInfer = new Plan[2];
  /** Rows per pass when predicting or costing a whole data set. */
  private static final int CHUNK = 1024;
  /** Whether the dense layers record as one {@link DenseStack} rather than op by op. */
  private final boolean stacked;
  // each training plan's mask generator, by batch size, and states to continue from (checkpoints)
  private final Map<Integer, Rng> maskStreams = new java.util.TreeMap<>();
  private final Map<Integer, Long> maskStatesToRestore = new HashMap<>();

  Network(int inputs, List<Layer> layers, Loss loss, Precision precision, List<CostTerm> costTerms,
      Rng masks, Gemm gemm) {
    if (layers.stream().noneMatch(l -> l instanceof Dense)) {
      throw new IllegalArgumentException("a network needs at least one dense layer");
    }
    this.inputs = inputs;
    this.layers = List.copyOf(layers);
    this.loss = loss;
    this.precision = precision;
    this.costTerms = List.copyOf(costTerms);
    this.masks = masks;
    this.gemm = gemm;
    this.stacked = stacksDenseLayers();
  }

  /** A network from ready-made layers (e.g. loaded from a file), with default kernels. */
  public static Network assemble(int inputs, List<Layer> layers, Loss loss, Precision precision) {
    return new Network(inputs, layers, loss, precision, List.of(), Rng.of(0).fork("masks", 0), Gemm.auto());
  }

  public static NetworkBuilder builder(int inputs, Precision precision, Rng rng) {
    return new NetworkBuilder(inputs, precision, rng);
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    int n = inputs;
    for (Layer l : layers) {
      n = l.outputSize(n);
    }
    return n;
  }

  public List<Layer> layers() {
    return layers;
  }

  public Loss loss() {
    return loss;
  }

  public Precision precision() {
    return precision;
  }

  public List<CostTerm> costTerms() {
    return costTerms;
  }

  /** The matrix product the layers use. */
  public Gemm gemm() {
    return gemm;
  }

  /** All trainable parameters in layer order: W1, b1, W2, b2, … */
  public List<Variable> parameters() {
    List<Variable> out = new ArrayList<>();
    for (Layer l : layers) {
      out.addAll(l.parameters());
    }
    return out;
  }

  /** The dense layers' weight matrices, which cost terms such as L2 act on. */
  public List<Variable> weights() {
    List<Variable> out = new ArrayList<>();
    for (Layer l : layers) {
      if (l instanceof Dense d) {
        out.add(d.weights());
      }
    }
    return out;
  }

  /** The tape for {@code batchSize} examples in {@code mode}, built on first use and cached. */
  public Plan plan(int batchSize, Mode mode) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + ": must be at least 1");
    }
    Plan[] recent = mode == Mode.TRAIN ? recentTrain : recentInfer;
    for (Plan p : recent) {
      if (p != null && p.batchSize() == batchSize) {
        return p;
      }
    }
    Long key = 2L * batchSize + mode.ordinal();
    Plan plan = plans.get(key);
    if (plan == null) {
      plan = build(batchSize, mode);
      plans.put(key, plan);
    }
    recent[1] = recent[0];
    recent[0] = plan;
    return plan;
  }

  /**
   * Whether the layers record as one {@link DenseStack} (the same numbers as their ops, several
   * times faster for tiny nets): float32 {@link Dense} layers with bias of at most {@link
   * DenseStack#MAX_WIDTH} inputs and units, each followed by at most one {@link ActivationLayer}
   * (none after the last), and the default {@link Gemm}, which the op's sums follow. Not yet with
   * cost terms or softmax, whose networks' pinned numbers came from the unfused ops where those
   * call OpenBLAS (the op differs there in rounding).
   */
  private boolean stacksDenseLayers() {
    if (precision != Precision.F32 || gemm != Gemm.auto() || inputs > DenseStack.MAX_WIDTH || !costTerms.isEmpty()
        || loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
      return false;
    }
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer instanceof Dense d) {
        if (d.bias() == null || d.units() > DenseStack.MAX_WIDTH) {
          return false;
        }
      } else if (!(layer instanceof ActivationLayer) || i == 0 || !(layers.get(i - 1) instanceof Dense)
          || i == layers.size() - 1) {
        return false;
      }
    }
    return true;
  }

  /** Whether the network's plans record its dense layers as one {@link DenseStack}. */
  public boolean stacked() {
    return stacked;
  }

  /** The layers as one {@link DenseStack} on {@code x}, for a network that {@link #stacksDenseLayers} takes. */
  private DenseStack denseStack(Variable x) {
    List<Variable> weights = new ArrayList<>();
    List<Variable> biases = new ArrayList<>();
    List<Pointwise.Function> activations = new ArrayList<>();
    for (Layer layer : layers) {
      if (layer instanceof Dense d) {
        if (!weights.isEmpty() && activations.size() < weights.size()) {
          activations.add(Pointwise.Function.LINEAR);
        }
        weights.add(d.weights());
        biases.add(d.bias());
      } else {
        activations.add(((ActivationLayer) layer).activation().function());
      }
    }
    return new DenseStack(x, weights, biases, activations);
  }

  private Plan build(int m, Mode mode) {
    Tape tape = new Tape();
    Variable x = Variable.placeholder("X", Matrix.zeros(precision, m, inputs));
    Variable y = Variable.placeholder("Y", Matrix.zeros(precision, m, outputs()));
    x.markFed();
    y.markFed();
    Rng planMasks = masks.fork("plan", m);
    BuildContext context = new BuildContext(mode, planMasks, gemm);
    Variable a = x;
    if (stacked) {
      a = tape.record(denseStack(x));
    } else {
      for (Layer l : layers) {
        a = l.apply(tape, a, context);
      }
    }
    Variable cost = tape.record(loss.cost(a, y));
    Variable output = null;
    if (mode == Mode.TRAIN) {
      for (CostTerm term : costTerms) {
        cost = tape.record(new dev.descent.autodiff.Arithmetic(
            dev.descent.autodiff.Arithmetic.Kind.ADD, cost, term.apply(tape, weights(), m)));
      }
    } else {
      output = tape.record(loss.output(a));
    }
    if (mode == Mode.TRAIN) {
      maskStreams.put(m, planMasks);
      // after recording, whose one forward pass drew masks too: a restored stream goes on from its saved state
      Long saved = maskStatesToRestore.remove(m);
      if (saved != null) {
        planMasks.setState(saved);
      }
    }
    return new Plan(tape, x, y, output, cost);
  }

  /**
   * Where the dropout mask generator of each training plan stands (batch size → {@link
   * Rng#state()}), for a checkpoint: masks are drawn from one stream per plan, so a resumed run
   * draws the same masks only if each stream continues where it was.
   */
  public Map<Integer, Long> maskStates() {
    Map<Integer, Long> states = new java.util.TreeMap<>(maskStatesToRestore);
    maskStreams.forEach((m, rng) -> states.put(m, rng.state()));
    return states;
  }

  /** Continues the mask streams saved by {@link #maskStates()}, now for built plans and when the others are built. */
  public void restoreMaskStates(Map<Integer, Long> states) {
    states.forEach((m, state) -> {
      Rng built = maskStreams.get(m);
      if (built != null) {
        built.setState(state);
      } else {
        maskStatesToRestore.put(m, state);
      }
    });
  }

  /** Drops the cached plans, e.g. after the network's layers changed mode-dependent settings. */
  public void clearPlans() {
    plans.clear();
    java.util.Arrays.fill(recentTrain, null);
    java.util.Arrays.fill(recentInfer, null);
  }

  /** The network's outputs (probabilities for classifiers) for every row of {@code features}, in float64. */
  public Matrix predict(Matrix features) {
    Matrix result = Matrix.zeros(Precision.F64, features.rows(), outputs());
    for (int from = 0; from < features.rows(); from += CHUNK) {
      int m = Math.min(CHUNK, features.rows() - from);
      Plan plan = plan(m, Mode.INFER);
      plan.load(features, null, null, from);
      plan.forward();
      Matrix out = plan.output().value();
      for (int i = 0; i < m; i++) {
        result.copyRow(out, i, from + i);
      }
    }
    return result;
  }

  /** The mean data cost (no regularization terms) over all rows, in inference mode. */
  public double cost(Matrix features, Matrix targets) {
    double total = 0;
    for (int from = 0; from < features.rows(); from += CHUNK) {
      int m = Math.min(CHUNK, features.rows() - from);
      Plan plan = plan(m, Mode.INFER);
      plan.load(features, targets, null, from);
      total += plan.forward() * m;
    }
    return total / features.rows();
  }

  /** A copy in another precision, with the same parameter values (e.g. F64 for gradient checks). */
  public Network to(Precision target) {
    List<Layer> copies = new ArrayList<>();
    for (Layer l : layers) {
      copies.add(l instanceof Convertible c ? c.to(target) : l);
    }
    return new Network(inputs, copies, loss, target, costTerms, masks, gemm);
  }

  /** A copy with other cost terms (shares parameters; plans are rebuilt). */
  public Network withCostTerms(List<CostTerm> terms) {
    return new Network(inputs, layers, loss, precision, terms, masks, gemm);
  }

  /** Copies every parameter value from {@code other}, a network of the same architecture. */
  public void copyParametersFrom(Network other) {
    List<Variable> mine = parameters();
    List<Variable> theirs = other.parameters();
    if (mine.size() != theirs.size()) {
      throw new IllegalArgumentException("networks differ: " + mine.size() + " vs " + theirs.size() + " parameters");
    }
    for (int i = 0; i < mine.size(); i++) {
      mine.get(i).value().copyFrom(theirs.get(i).value());
    }
  }

  /** Total number of trainable scalars. */
  public long parameterCount() {
    long n = 0;
    for (Variable v : parameters()) {
      n += v.value().size();
    }
    return n;
  }

  /** Layers whose parameters can be copied into another precision. */
  public interface Convertible {
    Layer to(Precision precision);
  }
}
