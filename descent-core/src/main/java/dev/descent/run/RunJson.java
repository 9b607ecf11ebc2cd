package dev.descent.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.data.io.ImageShape;
import dev.descent.regularize.EarlyStopping;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RunConfig} ↔ JSON. Training settings use the option names of {@link
 * TrainingSettings#PARAMETERS} ({@code "lr"}, {@code "keep-prob"}…); a NaN noise and absent
 * optional values are JSON null.
 */
final class RunJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RunJson() {}

  static ObjectNode write(RunConfig c) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode data = node.putObject("data");
    data.set("data", request(c.data().data()));
    data.set("test", c.data().test() == null ? null : request(c.data().test()));
    ArrayNode split = data.putArray("split");
    c.data().split().forEach(split::add);
    data.put("normalize", c.data().normalize());
    data.put("seed", c.data().seed());
    data.put("stream", c.data().residency().name().toLowerCase(java.util.Locale.ROOT));
    data.put("shuffle", c.data().uniformShuffle() ? "uniform" : "blocks");
    node.set("training", training(c.training()));
    if (!c.regularizers().equals(Regularizers.NONE)) {
      // absent when there are none, so that the recipes of runs without them read as before
      node.set("regularizers", regularizers(c.regularizers()));
    }
    return node;
  }

  /** The training settings alone, as the "training" object of a run config. */
  static ObjectNode training(TrainingSettings t) {
    ObjectNode training = MAPPER.createObjectNode();
    ArrayNode hidden = training.putArray("hidden");
    t.hidden().forEach(hidden::add);
    training.put("activation", t.activation());
    training.put("init", t.init());
    training.put("optimizer", t.optimizer());
    training.put("lr", t.learningRate());
    training.put("beta", t.beta());
    training.put("beta1", t.beta1());
    training.put("beta2", t.beta2());
    training.put("epsilon", t.epsilon());
    training.put("weight-decay", t.weightDecay());
    training.put("schedule", t.schedule());
    training.put("batch-size", t.batchSize());
    training.put("epochs", t.epochs());
    training.put("seed", t.seed());
    training.put("precision", t.precision().name());
    training.put("l2", t.lambda());
    training.put("keep-prob", t.keepProb());
    return training;
  }

  static RunConfig read(JsonNode node) {
    JsonNode data = object(node, "data");
    JsonNode t = object(node, "training");
    List<Double> split = new ArrayList<>();
    for (JsonNode r : field(data, "split")) {
      split.add(r.asDouble());
    }
    JsonNode test = data.get("test");
    DataPlan plan = new DataPlan(request(object(data, "data")), test == null || test.isNull() ? null : request(test), split,
        field(data, "normalize").asBoolean(), field(data, "seed").asLong(),
        // absent from checkpoints written before data could be streamed: those defaults
        DataSource.Residency.valueOf(data.path("stream").asText("auto").toUpperCase(java.util.Locale.ROOT)),
        data.path("shuffle").asText("blocks").equals("uniform"));
    TrainingSettings settings = training(t);
    JsonNode r = node.get("regularizers");
    return new RunConfig(plan, settings, r == null || r.isNull() ? Regularizers.NONE : regularizers(r));
  }

  /** Reads {@link #training(TrainingSettings)}'s form back. */
  static TrainingSettings training(JsonNode t) {
    List<Integer> hidden = new ArrayList<>();
    for (JsonNode h : field(t, "hidden")) {
      hidden.add(h.asInt());
    }
    return new TrainingSettings(hidden, text(t, "activation"), text(t, "init"), text(t, "optimizer"),
        number(t, "lr"), optionalNumber(t, "beta"), number(t, "beta1"), number(t, "beta2"), number(t, "epsilon"),
        optionalNumber(t, "weight-decay"), optionalText(t, "schedule"), field(t, "batch-size").asInt(), field(t, "epochs").asInt(),
        field(t, "seed").asLong(), Params.precision(text(t, "precision")), number(t, "l2"), number(t, "keep-prob"));
  }

  static ObjectNode regularizers(Regularizers r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("l1", r.l1());
    ArrayNode keep = n.putArray("keep-prob");
    r.keepProbs().forEach(keep::add);
    n.put("batch-norm", r.batchNorm());
    n.put("augment", r.augment());
    if (r.imageShape() == null) {
      n.putNull("image-shape");
    } else {
      n.putArray("image-shape").add(r.imageShape().height()).add(r.imageShape().width()).add(r.imageShape().channels());
    }
    EarlyStopping.Config e = r.earlyStopping();
    if (e == null) {
      n.putNull("early-stopping");
    } else {
      ObjectNode stop = n.putObject("early-stopping");
      stop.put("patience", e.patience());
      stop.put("min-delta", e.minDelta());
      stop.put("metric", e.metric().label());
    }
    return n;
  }

  static Regularizers regularizers(JsonNode n) {
    List<Double> keep = new ArrayList<>();
    for (JsonNode k : field(n, "keep-prob")) {
      keep.add(k.asDouble());
    }
    JsonNode shape = n.get("image-shape");
    ImageShape imageShape = shape == null || shape.isNull() ? null
        : new ImageShape(shape.path(0).asInt(), shape.path(1).asInt(), shape.path(2).asInt());
    JsonNode stop = n.get("early-stopping");
    EarlyStopping.Config e = null;
    if (stop != null && !stop.isNull()) {
      String metric = text(stop, "metric");
      if (!metric.equals("cost") && !metric.equals("accuracy")) {
        throw new IllegalArgumentException("run config: field \"metric\" = " + metric + ": must be cost or accuracy");
      }
      e = new EarlyStopping.Config(field(stop, "patience").asInt(), number(stop, "min-delta"),
          EarlyStopping.Metric.valueOf(metric.toUpperCase(java.util.Locale.ROOT)));
    }
    return new Regularizers(optionalNumber(n, "l1"), keep, field(n, "batch-norm").asBoolean(), optionalText(n, "augment"), imageShape, e);
  }

  private static ObjectNode request(DataRequest r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("source", r.source());
    n.put("format", r.format());
    n.put("label", r.labelColumn());
    n.put("labels", r.labelsFile());
    ArrayNode classes = n.putArray("classes");
    r.classes().forEach(classes::add);
    n.put("examples", r.examples());
    if (Double.isNaN(r.noise())) {
      n.putNull("noise");
    } else {
      n.put("noise", r.noise());
    }
    n.put("seed", r.seed());
    n.put("regression", r.regression());
    n.put("hdf5-features", r.hdf5Features());
    n.put("hdf5-labels", r.hdf5Labels());
    return n;
  }

  private static DataRequest request(JsonNode n) {
    List<String> classes = new ArrayList<>();
    for (JsonNode c : field(n, "classes")) {
      classes.add(c.asText());
    }
    JsonNode noise = n.get("noise");
    return new DataRequest(text(n, "source"), optionalText(n, "format"), optionalText(n, "label"), optionalText(n, "labels"), classes,
        field(n, "examples").asInt(), noise == null || noise.isNull() ? Double.NaN : noise.asDouble(), field(n, "seed").asLong(),
        // absent from checkpoints written before they were recorded: those defaults
        n.path("regression").asBoolean(false), optionalText(n, "hdf5-features"), optionalText(n, "hdf5-labels"));
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("run config: field \"" + name + "\" is missing");
    }
    return v;
  }

  private static JsonNode object(JsonNode node, String name) {
    JsonNode v = field(node, name);
    if (!v.isObject()) {
      throw new IllegalArgumentException("run config: field \"" + name + "\" must be an object");
    }
    return v;
  }

  private static String text(JsonNode node, String name) {
    return field(node, name).asText();
  }

  private static String optionalText(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static double number(JsonNode node, String name) {
    JsonNode v = field(node, name);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("run config: field \"" + name + "\" = " + v + ": must be a number");
    }
    return v.doubleValue();
  }

  private static Double optionalNumber(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : number(node, name);
  }
}
