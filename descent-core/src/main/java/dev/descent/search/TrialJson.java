package dev.descent.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TrialRecord} ↔ JSON. Params keep their types: ints stay ints, doubles doubles, text text. */
final class TrialJson {
  // strict: a line holding one record and the start of another is corrupt, not the first record
  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TrialJson() {}

  static ObjectNode write(TrialRecord r) {
    ObjectNode node = NODES.objectNode();
    node.put("id", r.id());
    node.set("params", params(r.params()));
    node.put("seed", r.seed());
    putNumber(node, "dev_accuracy", r.devAccuracy());
    putNumber(node, "dev_cost", r.devCost());
    node.put("status", r.status().jsonName());
    node.put("epochs", r.epochs());
    node.put("seconds", r.seconds());
    node.put("round", r.round());
    ArrayNode curve = node.putArray("curve");
    for (double v : r.curve()) {
      if (Double.isFinite(v)) {
        curve.add(v);
      } else {
        curve.addNull();
      }
    }
    if (r.error() != null) {
      node.put("error", r.error());
    }
    return node;
  }

  static String line(TrialRecord r) {
    try {
      return MAPPER.writeValueAsString(write(r));
    } catch (JsonProcessingException e) {
      throw new AssertionError("a JSON tree of plain values did not serialise", e);
    }
  }

  static ObjectNode params(Map<String, Object> params) {
    ObjectNode node = NODES.objectNode();
    params.forEach((name, value) -> {
      if (value instanceof Integer i) {
        node.put(name, i);
      } else if (value instanceof Long l) {
        node.put(name, l);
      } else if (value instanceof Double d) {
        node.put(name, d);
      } else if (value instanceof String s) {
        node.put(name, s);
      } else {
        throw new IllegalArgumentException("param " + name + " = " + value + " (" + (value == null ? "null" : value.getClass().getSimpleName())
            + "): must be an Integer, Long, Double or String");
      }
    });
    return node;
  }

  static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  static TrialRecord read(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, found " + node.getNodeType().name().toLowerCase());
    }
    JsonNode paramsNode = field(node, "params");
    if (!paramsNode.isObject()) {
      throw new IllegalArgumentException("\"params\" must be an object");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      params.put(p.getKey(), value(p.getKey(), p.getValue()));
    }
    List<Double> curve = new ArrayList<>();
    JsonNode curveNode = node.get("curve");
    if (curveNode != null) {
      for (JsonNode v : curveNode) {
        curve.add(v.isNull() ? Double.NaN : number(v, "curve"));
      }
    }
    JsonNode error = node.get("error");
    JsonNode round = node.get("round");
    return new TrialRecord(
        integer(field(node, "id"), "id"),
        round == null ? 1 : integer(round, "round"),
        params,
        longInteger(field(node, "seed"), "seed"),
        Status.parse(field(node, "status").asText()),
        optionalNumber(node, "dev_accuracy"),
        optionalNumber(node, "dev_cost"),
        integer(field(node, "epochs"), "epochs"),
        number(field(node, "seconds"), "seconds"),
        curve,
        error == null || error.isNull() ? null : error.asText());
  }

  private static Object value(String name, JsonNode v) {
    if (v.isInt()) {
      return v.intValue();
    }
    if (v.isLong()) {
      return v.longValue();
    }
    if (v.isFloatingPointNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw new IllegalArgumentException("param \"" + name + "\" = " + v + ": must be a number or a string");
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field \"" + name + "\" is missing");
    }
    return v;
  }

  private static int integer(JsonNode v, String name) {
    if (!v.isInt()) {
      throw new IllegalArgumentException("field \"" + name + "\" = " + v + ": must be an integer");
    }
    return v.intValue();
  }

  private static double number(JsonNode v, String name) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException("field \"" + name + "\" = " + v + ": must be a number");
    }
    return v.doubleValue();
  }

  private static double optionalNumber(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Double.NaN : number(v, name);
  }

  private static long longInteger(JsonNode v, String name) {
    if (!(v.isInt() || v.isLong())) {
      throw new IllegalArgumentException("field \"" + name + "\" = " + v + ": must be a 64-bit integer");
    }
    return v.longValue();
  }
}
