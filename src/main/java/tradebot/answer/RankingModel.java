package tradebot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tradebot.config.ConfigException;
import tradebot.config.ConfigFiles;

/**
 * The ranker's and the decline decision's weights, from {@code config/ranking.yaml}, which {@code
 * tradebot fit} writes: a candidate's score is the weighted sum of its {@link Feature}s; the
 * probability that the sources answer a question is the logistic of the bias plus the weighted sum
 * of its {@link DeclineFeature}s, and below {@code threshold} the bot declines. A feature left out
 * weighs nothing. Immutable and thread-safe.
 */
record RankingModel(double[] rank, double bias, double[] decline, double threshold) {
  RankingModel {
    if (rank.length != Feature.values().length) {
      throw new IllegalArgumentException("rank weights: " + rank.length);
    }
    if (decline.length != DeclineFeature.values().length) {
      throw new IllegalArgumentException("decline weights: " + decline.length);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1: " + threshold);
    }
    rank = rank.clone();
    decline = decline.clone();
  }

  /** The candidate's score. */
  double score(double[] features) {
    return dot(rank, features);
  }

  /** The probability that the sources answer the question. */
  double answerable(double[] declineFeatures) {
    return 1 / (1 + Math.exp(-(bias + dot(decline, declineFeatures))));
  }

  /** This model with one candidate feature's weight set to 0 (an ablation). */
  RankingModel without(Feature f) {
    double[] w = rank.clone();
    w[f.ordinal()] = 0;
    return new RankingModel(w, bias, decline, threshold);
  }

  /** This model with one decline feature's weight set to 0 (an ablation). */
  RankingModel without(DeclineFeature f) {
    double[] w = decline.clone();
    w[f.ordinal()] = 0;
    return new RankingModel(rank, bias, w, threshold);
  }

  static double dot(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the bad key or value
   */
  static RankingModel load(Path file) {
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code yaml}, the contents of {@code file}.
   *
   * @throws ConfigException naming the file, line and key of what is wrong
   */
  static RankingModel parse(byte[] yaml, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw e instanceof JsonProcessingException j
          ? ConfigFiles.yamlError(file, j)
          : new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("expected the keys rank, decline and threshold");
      }
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!List.of("rank", "decline", "threshold").contains(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "'");
        }
      }
      double[] rank = weights(root.path("rank"), "rank", names(Feature.values()), false);
      double[] decline =
          weights(root.path("decline"), "decline", names(DeclineFeature.values()), true);
      double bias = root.path("decline").path("bias").asDouble(0);
      JsonNode t = root.path("threshold");
      if (!t.isNumber()) {
        throw new IllegalArgumentException("threshold must be a number: " + t);
      }
      return new RankingModel(rank, bias, decline, t.asDouble());
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(file, e.getMessage());
    }
  }

  private static double[] weights(JsonNode node, String section, List<String> names, boolean bias) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(section + " must be a map of feature: weight");
    }
    double[] w = new double[names.size()];
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (bias && e.getKey().equals("bias")) {
        continue;
      }
      int i = names.indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(
            "unknown feature '" + section + "." + e.getKey() + "'; known: " + names);
      }
      if (!e.getValue().isNumber()) {
        throw new IllegalArgumentException(
            section + "." + e.getKey() + " must be a number: " + e.getValue());
      }
      w[i] = e.getValue().asDouble();
    }
    return w;
  }

  private static List<String> names(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v.name().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The file's text: the weights, with {@code header} lines as comments above them. */
  String toYaml(List<String> header) {
    StringBuilder sb = new StringBuilder();
    header.forEach(h -> sb.append("# ").append(h).append('\n'));
    sb.append("rank:\n");
    for (Feature f : Feature.values()) {
      sb.append(String.format(Locale.ROOT, "  %s: %.4f%n", f.key(), rank[f.ordinal()]));
    }
    sb.append("decline:\n");
    sb.append(String.format(Locale.ROOT, "  bias: %.4f%n", bias));
    for (DeclineFeature f : DeclineFeature.values()) {
      sb.append(String.format(Locale.ROOT, "  %s: %.4f%n", f.key(), decline[f.ordinal()]));
    }
    sb.append(String.format(Locale.ROOT, "threshold: %.3f%n", threshold));
    return sb.toString();
  }
}
