package tradebot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the values of a rules file, naming the file and the rule in every complaint, and expands
 * {{term}} references in regexes. Not thread-safe; one per parse.
 */
final class RulesReader {
  private static final Pattern TERM = Pattern.compile("\\{\\{([\\w-]{1,40})}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  final String origin;
  final Map<String, String> terms = new HashMap<>();

  RulesReader(String origin) {
    this.origin = origin;
  }

  IllegalArgumentException fail(String where, String what) {
    return new IllegalArgumentException(origin + ": " + where + ": " + what);
  }

  /**
   * Checks that {@code node} is a mapping with only {@code allowed} keys (null: any) and all {@code
   * required} ones.
   */
  void keys(JsonNode node, String where, Set<String> allowed, Set<String> required) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw fail(where, "must be a mapping, not " + node.getNodeType().toString().toLowerCase());
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (allowed != null && !allowed.contains(key)) {
        throw fail(
            where,
            "unknown key '"
                + key
                + "' (known: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
    for (String key : required) {
      if (!node.has(key)) {
        throw fail(where, "'" + key + "' is missing");
      }
    }
  }

  String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
      throw fail(where, "'" + key + "' must be a non-empty string");
    }
    return v.asText();
  }

  String why(JsonNode node, String where) {
    return text(node, "why", where);
  }

  int positive(JsonNode node, String key, String where, int fallback) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isInt() || v.asInt() <= 0) {
      throw fail(where, "'" + key + "' must be a positive whole number: " + v);
    }
    return v.asInt();
  }

  double share(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null) {
      return 0.8;
    }
    if (!v.isNumber() || v.asDouble() <= 0 || v.asDouble() > 1) {
      throw fail(where, "'" + key + "' must be a number in (0, 1]: " + v);
    }
    return v.asDouble();
  }

  Pattern regex(String source, String rule) {
    StringBuilder expanded = new StringBuilder();
    Matcher m = TERM.matcher(source);
    while (m.find()) {
      String term = terms.get(m.group(1));
      if (term == null) {
        throw fail(
            "rule '" + rule + "'",
            "unknown term {{"
                + m.group(1)
                + "}} (terms: "
                + String.join(", ", terms.keySet().stream().sorted().toList())
                + ")");
      }
      m.appendReplacement(expanded, Matcher.quoteReplacement(term));
    }
    m.appendTail(expanded);
    try {
      return Pattern.compile(expanded.toString());
    } catch (PatternSyntaxException e) {
      throw fail(
          "rule '" + rule + "'",
          "bad regex: " + e.getDescription() + " near index " + e.getIndex() + " of " + expanded);
    }
  }

  BoilerplateRules.PatternRule pattern(JsonNode node, int position) {
    String where = "pattern #" + position;
    keys(
        node,
        where,
        Set.of("name", "why", "regex", "max_words", "list_after"),
        Set.of("name", "why", "regex"));
    String name = text(node, "name", where);
    if (!NAME.matcher(name).matches()) {
      throw fail(where, "name must be lower-case letters, digits and dashes: '" + name + "'");
    }
    where = "pattern '" + name + "'";
    int maxWords = node.has("max_words") ? positive(node, "max_words", where, 0) : 0;
    int listAfter = node.has("list_after") ? positive(node, "list_after", where, 0) : 0;
    return new BoilerplateRules.PatternRule(
        name, why(node, where), regex(text(node, "regex", where), name), maxWords, listAfter);
  }

  BoilerplateRules.PatternRule ref(
      JsonNode node, String key, Map<String, BoilerplateRules.PatternRule> byName) {
    String name = text(node, key, BoilerplateRules.CAROUSEL);
    BoilerplateRules.PatternRule p = byName.get(name);
    if (p == null) {
      throw fail(
          "rule '" + BoilerplateRules.CAROUSEL + "'",
          "'" + key + "' names no pattern: '" + name + "'");
    }
    return p;
  }

  Set<String> names(
      JsonNode node, String key, String where, Map<String, BoilerplateRules.PatternRule> byName) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw fail("rule '" + where + "'", "'" + key + "' must be a non-empty list of pattern names");
    }
    Set<String> out = new HashSet<>();
    for (JsonNode n : v) {
      if (!byName.containsKey(n.asText())) {
        throw fail("rule '" + where + "'", "'" + key + "' names no pattern: '" + n.asText() + "'");
      }
      out.add(n.asText());
    }
    return out;
  }

  <T> Optional<T> section(
      JsonNode structure, String name, Set<String> params, Function<JsonNode, T> build) {
    JsonNode n = structure.get(name);
    if (n == null) {
      return Optional.empty();
    }
    Set<String> allowed = new HashSet<>(params);
    allowed.add("why");
    keys(n, "rule '" + name + "'", allowed, Set.of("why"));
    return Optional.of(build.apply(n));
  }
}
