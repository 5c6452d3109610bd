package tradebot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into maps, lists and scalars that remember the line they are on, so that a
 * bad value can be reported at its line. Jackson's own trees forget locations. Immutable.
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTree() {}

  /**
   * One value of the document.
   *
   * @param line 1-based line of the key that holds it (or of the item, in a list)
   * @param scalar a String, Long, BigInteger, Double, Boolean, or null; null also for maps and
   *     lists
   * @param map the entries, in file order, when this is a mapping; else null
   * @param list the items when this is a sequence; else null
   */
  record Node(int line, Object scalar, Map<String, Node> map, List<Node> list) {
    boolean isMap() {
      return map != null;
    }

    boolean isList() {
      return list != null;
    }

    boolean isNull() {
      return map == null && list == null && scalar == null;
    }

    Node at(int keyLine) {
      return new Node(keyLine, scalar, map, list);
    }

    /** What the value is, for messages: "a list", "a mapping", "true", "\"abc\"". */
    String describe() {
      if (isMap()) {
        return "a mapping";
      }
      if (isList()) {
        return "a list";
      }
      if (scalar instanceof String s) {
        return "\"" + s + "\"";
      }
      return String.valueOf(scalar);
    }
  }

  /**
   * Parses {@code yaml}; an empty document gives null.
   *
   * @throws ConfigException for broken YAML or a key given twice
   */
  static Node parse(byte[] yaml, String file) {
    try (JsonParser p = YAML.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      return read(p, file, "");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          file, line, "", "not valid YAML: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** SnakeYAML's message without its echo of the source and its caret lines. */
  private static String oneLine(String message) {
    List<String> kept = new ArrayList<>();
    String[] lines = message.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      boolean echo = i + 1 < lines.length && lines[i + 1].strip().equals("^");
      if (!t.isEmpty() && !t.equals("^") && !t.startsWith("in 'reader'") && !echo) {
        kept.add(t);
      }
    }
    return String.join(": ", kept);
  }

  private static Node read(JsonParser p, String file, String path) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          String key = path.isEmpty() ? name : path + "." + name;
          p.nextToken();
          Node value = read(p, file, key).at(keyLine);
          Node first = map.putIfAbsent(name, value);
          if (first != null) {
            throw new ConfigException(
                file, keyLine, key, key + " is given twice (first on line " + first.line() + ")");
          }
        }
        return new Node(line, null, Collections.unmodifiableMap(map), null);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file, path + "[" + items.size() + "]"));
        }
        return new Node(line, null, null, List.copyOf(items));
      }
      case VALUE_STRING -> {
        return new Node(line, p.getText(), null, null);
      }
      case VALUE_NUMBER_INT -> {
        Number n = p.getNumberValue();
        return new Node(line, n instanceof Integer i ? Long.valueOf(i) : n, null, null);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node(line, p.getDoubleValue(), null, null);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node(line, t == JsonToken.VALUE_TRUE, null, null);
      }
      case VALUE_NULL -> {
        return new Node(line, null, null, null);
      }
      default ->
          throw new ConfigException(
              file, line, path, "unexpected " + t + (path.isEmpty() ? "" : " at " + path));
    }
  }
}
