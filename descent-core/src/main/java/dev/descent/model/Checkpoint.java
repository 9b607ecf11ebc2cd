package dev.descent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Layer;
import dev.descent.nn.Network;
import dev.descent.optim.Optimizer;
import dev.descent.regularize.EarlyStopping;
import dev.descent.tensor.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training checkpoint: everything needed to continue a run as if it had never stopped. A
 * {@link TensorFile} of kind "checkpoint" holding the model (as a model file does: architecture,
 * parameters, normalizer, classes, settings), the optimizer's state ({@code State.flatten}: Adam's
 * moments, a schedule's numbers) as tensors named {@code optimizer/0/v/W1}…, and in the header
 * the epochs completed, the optimizer's {@link dev.descent.optim.Clock} (update count t and
 * epoch), the {@link dev.descent.train.History} so far, each training plan's dropout-mask
 * stream ({@link Network#maskStates()}), early stopping's progress (best parameters as tensors
 * {@code early_stopping/0}…, best epoch and value, epochs waited) and the run's recipe ({@code run}: data source, split,
 * seeds and training settings, as the {@code run} package writes them). Written atomically, so a
 * crash while saving leaves the previous checkpoint.
 *
 * <p>Parameters and moments are stored as float64, which holds float32 values exactly: a run
 * resumed from a checkpoint continues bit for bit.
 *
 * <pre>{@code
 * Checkpoint.write(file, model, optimizer, 10, 10, history, run);   // after epoch 10, saved every 10
 * Checkpoint c = Checkpoint.read(file);
 * c.restoreNetwork(network);   c.restoreOptimizer(optimizer);   c.epoch();   // 10
 * }</pre>
 */
public final class Checkpoint {
  public static final String KIND = "checkpoint";
  private static final String OPTIMIZER = "optimizer/";
  private static final String EARLY_STOPPING = "early_stopping/";

  private final Path file;
  private final TensorFile contents;
  private final JsonNode position;

  private Checkpoint(Path file, TensorFile contents) {
    this.file = file;
    this.contents = contents;
    JsonNode p = contents.header().get(KIND);
    if (p == null || !p.isObject() || !p.path("epoch").isInt() || !p.path("step").canConvertToLong() || !p.path("run").isObject()) {
      throw new DescentException("corrupt checkpoint: the header lacks the training position (epoch, step, run)", file.toString(), -1, -1, null);
    }
    this.position = p;
  }

  /**
   * Saves a run after {@code epoch} completed epochs, saved every {@code every} epochs. {@code history} holds those epochs' costs
   * (train cost, dev cost, dev accuracy; NaN where absent), {@code run} the recipe to rebuild
   * the data and settings.
   */
  public static void write(Path file, Model model, Optimizer optimizer, int epoch, int every, double[][] history, ObjectNode run) {
    write(file, model, optimizer, epoch, every, history, run, null);
  }

  /** The same with early stopping's progress ({@code stopping}; null without early stopping): its best parameters as tensors {@code early_stopping/0}…. */
  public static void write(Path file, Model model, Optimizer optimizer, int epoch, int every, double[][] history, ObjectNode run,
      EarlyStopping.Progress stopping) {
    TensorFile tf = ModelFile.encode(model, KIND);
    ObjectNode p = tf.header().putObject(KIND);
    p.put("epoch", epoch);
    p.put("every", every);
    p.put("step", optimizer.clock().step());
    p.put("clock_epoch", optimizer.clock().epoch());
    ObjectNode h = p.putObject("history");
    String[] names = {"train_cost", "dev_cost", "dev_accuracy"};
    for (int i = 0; i < names.length; i++) {
      ArrayNode values = h.putArray(names[i]);
      for (double v : history[i]) {
        if (Double.isFinite(v)) {
          values.add(v);
        } else {
          values.addNull();
        }
      }
    }
    ObjectNode masks = p.putObject("masks");
    model.network().maskStates().forEach((m, state) -> masks.put(Integer.toString(m), state));
    p.set("run", run);
    Map<String, Matrix> tensors = new LinkedHashMap<>(tf.tensors());
    optimizer.state().flatten(optimizer.parameters()).forEach((path, m) -> tensors.put(OPTIMIZER + path, m));
    if (stopping != null) {
      ObjectNode e = p.putObject("early_stopping");
      e.put("best_epoch", stopping.bestEpoch());
      if (Double.isFinite(stopping.bestValue())) {
        e.put("best_value", stopping.bestValue());
      } else {
        e.putNull("best_value");
      }
      e.put("waited", stopping.waited());
      for (int i = 0; i < stopping.best().size(); i++) {
        tensors.put(EARLY_STOPPING + i, stopping.best().get(i));
      }
    }
    new TensorFile(tf.header(), tensors).write(file);
  }

  /** Reads a checkpoint; a model file or a damaged file is a {@link DescentException} naming the file. */
  public static Checkpoint read(Path file) {
    TensorFile tf = TensorFile.read(file);
    String kind = tf.header().path("kind").asText();
    if (!kind.equals(KIND)) {
      throw new DescentException("holds a " + kind + ", not a checkpoint; resume a file that train --checkpoint-every wrote",
          file.toString(), -1, -1, null);
    }
    return new Checkpoint(file, tf);
  }

  public Path file() {
    return file;
  }

  /** Epochs completed: the resumed run starts with epoch index {@code epoch()} (0-based). */
  public int epoch() {
    return position.get("epoch").asInt();
  }

  /** How often the run saved checkpoints, in epochs (a resumed run goes on saving as often). */
  public int every() {
    return position.path("every").asInt(1);
  }

  /** The optimizer's update count t after the last saved step. */
  public long step() {
    return position.get("step").asLong();
  }

  /** The run's recipe, as written. */
  public JsonNode run() {
    return position.get("run");
  }

  /** The model as saved (for predict and evaluate). */
  public Model model() {
    return ModelFile.decode(file, contents);
  }

  /** The training settings saved with the model, for provenance. */
  public Map<String, Object> settings() {
    Map<String, Object> settings = TensorFile.json().convertValue(contents.header().path("settings"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    return settings == null ? Map.of() : settings;
  }

  /** The saved normalizer's mean and std, or null: a resumed run checks its re-prepared data against them. */
  public double[][] standardizer() {
    JsonNode s = contents.header().get("standardizer");
    if (s == null) {
      return null;
    }
    return new double[][] {doubles(s.get("mean")), doubles(s.get("std"))};
  }

  /** Train cost, dev cost and dev accuracy of each completed epoch (NaN where absent). */
  public double[][] history() {
    JsonNode h = position.path("history");
    return new double[][] {doubles(h.path("train_cost")), doubles(h.path("dev_cost")), doubles(h.path("dev_accuracy"))};
  }

  /** Copies the saved parameters and layer state into {@code network}, rebuilt with the same architecture. */
  public void restoreNetwork(Network network) {
    for (Layer layer : network.layers()) {
      for (Variable p : layer.parameters()) {
        Matrix m = p.value();
        m.copyFrom(contents.tensor(file, p.name(), m.rows(), m.cols()));
      }
      LayerCodec.state(layer).forEach((name, m) -> m.copyFrom(contents.tensor(file, name, m.rows(), m.cols())));
    }
    Map<Integer, Long> masks = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = position.path("masks").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      masks.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
    }
    network.restoreMaskStates(masks);
  }

  /** Copies the saved moments into {@code optimizer} (built with the same transform kind) and sets its clock. */
  public void restoreOptimizer(Optimizer optimizer) {
    Map<String, Matrix> saved = new LinkedHashMap<>();
    contents.tensors().forEach((name, m) -> {
      if (name.startsWith(OPTIMIZER)) {
        saved.put(name.substring(OPTIMIZER.length()), m);
      }
    });
    try {
      optimizer.state().restore(optimizer.parameters(), saved);
    } catch (IllegalArgumentException e) {
      throw new DescentException(e.getMessage() + "; resume with the optimizer the run was trained with", file.toString(), -1, -1, e);
    }
    optimizer.restoreClock(step(), position.path("clock_epoch").asInt());
  }

  /** Early stopping's saved progress for {@code network}'s parameters, or null when the run had no early stopping. */
  public EarlyStopping.Progress earlyStopping(Network network) {
    JsonNode e = position.get("early_stopping");
    if (e == null || e.isNull()) {
      return null;
    }
    List<Variable> params = network.parameters();
    List<Matrix> best = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Matrix m = params.get(i).value();
      best.add(contents.tensor(file, EARLY_STOPPING + i, m.rows(), m.cols()));
    }
    JsonNode value = e.path("best_value");
    try {
      return new EarlyStopping.Progress(e.path("best_epoch").asInt(-1), value.isNumber() ? value.asDouble() : Double.NaN,
          e.path("waited").asInt(), best);
    } catch (IllegalArgumentException bad) {
      throw new DescentException("corrupt checkpoint: early stopping: " + bad.getMessage(), file.toString(), -1, -1, bad);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array == null ? 0 : array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = array.get(i);
      out[i] = v.isNull() ? Double.NaN : v.asDouble();
    }
    return out;
  }
}
