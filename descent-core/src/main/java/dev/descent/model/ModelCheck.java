package dev.descent.model;

import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.data.Standardizer;
import dev.descent.nn.Layer;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a model file's header says, checked against its tensors on load, so that a crafted or
 * damaged file with a valid checksum is refused with one line instead of predicting nonsense:
 * the class names fit the output (a sigmoid output has 2 classes, a softmax of K units K, a
 * regression output none), names are distinct, every parameter, running statistic and
 * normalizer value is finite (std &gt; 0), and no tensor is left that no layer reads.
 */
final class ModelCheck {
  private ModelCheck() {}

  static void outputs(String file, Network net, List<String> classes, List<String> features) {
    int outputs = net.outputs();
    Loss loss = net.loss();
    String problem = null;
    if (!loss.classifies() && !classes.isEmpty()) {
      problem = "a regression model (" + loss.label() + ", " + outputs + " output" + (outputs == 1 ? "" : "s")
          + ") names classes " + abbreviate(classes) + "; a regression model has none";
    } else if (loss == Loss.BINARY_CROSS_ENTROPY && (outputs != 1 || classes.size() != 2)) {
      problem = "a binary classifier (" + loss.label() + ") has 1 output and 2 classes, but this one has " + outputs
          + " output" + (outputs == 1 ? "" : "s") + " and " + classes.size() + " class" + (classes.size() == 1 ? "" : "es")
          + " " + abbreviate(classes);
    } else if (loss == Loss.CATEGORICAL_CROSS_ENTROPY && (outputs < 2 || classes.size() != outputs)) {
      problem = "a softmax classifier has one class per output, but this one has " + outputs + " output"
          + (outputs == 1 ? "" : "s") + " and " + classes.size() + " class" + (classes.size() == 1 ? "" : "es") + " " + abbreviate(classes);
    } else if (new HashSet<>(classes).size() != classes.size()) {
      problem = "class names " + abbreviate(classes) + " repeat a name; each class needs its own";
    } else if (!features.isEmpty() && features.size() != net.inputs()) {
      problem = "names " + features.size() + " features " + abbreviate(features) + " for " + net.inputs() + " inputs";
    }
    if (problem != null) {
      throw new DescentException("invalid model: " + problem + "; the file is damaged or was not written by Descent",
          file, -1, -1, null);
    }
  }

  static void finite(String file, Network net, Standardizer standardizer) {
    for (Layer layer : net.layers()) {
      for (Variable p : layer.parameters()) {
        finite(file, p.name(), p.value());
      }
      LayerCodec.state(layer).forEach((name, m) -> finite(file, name, m));
    }
    if (standardizer != null) {
      double[] mean = standardizer.mean();
      double[] std = standardizer.std();
      for (int j = 0; j < mean.length; j++) {
        if (!Double.isFinite(mean[j]) || !(std[j] > 0 && std[j] < Double.POSITIVE_INFINITY)) {
          throw new DescentException("invalid model: the normalizer of feature " + (j + 1) + " has mean " + mean[j]
              + " and standard deviation " + std[j] + "; both must be finite, the deviation above 0", file, -1, -1, null);
        }
      }
    }
  }

  private static void finite(String file, String name, Matrix m) {
    for (int k = 0, n = m.size(); k < n; k++) {
      double v = m.getFlat(k);
      if (!Double.isFinite(v)) {
        throw new DescentException("invalid model: tensor '" + name + "' holds " + v + " at row " + (k / m.cols() + 1)
            + " column " + (k % m.cols() + 1) + "; a model with a non-finite parameter predicts nothing (it diverged"
            + " or was damaged); retrain it, e.g. with a smaller --lr", file, -1, -1, null);
      }
    }
  }

  static void noUnusedTensors(String file, Network net, Set<String> tensors) {
    Set<String> read = new HashSet<>();
    for (Layer layer : net.layers()) {
      for (Variable p : layer.parameters()) {
        read.add(p.name());
      }
      read.addAll(LayerCodec.state(layer).keySet());
    }
    Set<String> unused = new TreeSet<>(tensors);
    unused.removeAll(read);
    if (!unused.isEmpty()) {
      List<String> names = List.copyOf(unused);
      throw new DescentException("invalid model: tensor" + (unused.size() == 1 ? " '" : "s '")
          + String.join("', '", names.subList(0, Math.min(6, names.size()))) + (names.size() > 6 ? "'…" : "'")
          + " belong" + (unused.size() == 1 ? "s" : "") + " to no layer of the header; the file is damaged or was not written by Descent",
          file, -1, -1, null);
    }
  }

  private static String abbreviate(List<String> names) {
    String text = names.size() <= 6 ? names.toString() : names.subList(0, 6) + "… (" + names.size() + ")";
    return text.length() <= 100 ? text : text.substring(0, 100) + "…]";
  }
}
