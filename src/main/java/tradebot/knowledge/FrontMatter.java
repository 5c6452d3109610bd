package tradebot.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a knowledge file into its YAML front matter and its body, and reads the front matter into
 * a {@link Source}. Thread-safe.
 */
final class FrontMatter {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS =
      Set.of("id", "title", "outlet", "published", "url", "author");

  /** A file split into source and body; {@code bodyStart} is the body's offset in the file text. */
  record Parsed(Source source, String body, int bodyStart, List<String> notes) {}

  /** A front matter problem, with the 1-based line of the file it is on (0: the whole file). */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    Problem(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private FrontMatter() {}

  /**
   * Parses {@code text}, the whole file.
   *
   * @param defaultId the id to use when the front matter has none (the file name's stem)
   * @throws Problem naming the line and what is wrong
   */
  static Parsed parse(String text, String defaultId) throws Problem {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int offset = text.length() - t.length();
    int firstEnd = lineEnd(t, 0);
    if (!t.substring(0, firstEnd).strip().equals("---")) {
      throw new Problem(1, "no front matter: the file must start with a '---' line");
    }
    int pos = nextLine(t, firstEnd);
    int lineNo = 2;
    int yamlStart = pos;
    int yamlEnd = -1;
    while (pos < t.length()) {
      int end = lineEnd(t, pos);
      if (t.substring(pos, end).strip().equals("---")) {
        yamlEnd = pos;
        pos = nextLine(t, end);
        break;
      }
      pos = nextLine(t, end);
      lineNo++;
    }
    if (yamlEnd < 0) {
      throw new Problem(1, "front matter is not closed: no second '---' line");
    }
    List<String> notes = new ArrayList<>();
    Source source = readSource(t.substring(yamlStart, yamlEnd), defaultId, notes);
    return new Parsed(source, t.substring(pos), offset + pos, notes);
  }

  private static Source readSource(String yaml, String defaultId, List<String> notes)
      throws Problem {
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = lineAt(yaml, e.getLocation());
      // The parser's own position is counted from the front matter, not the file: keep only the
      // first line of its message.
      String what = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new Problem(line, "front matter is not valid YAML: " + what);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new Problem(2, "front matter is empty: title, outlet and published are required");
    }
    if (!node.isObject()) {
      throw new Problem(
          2, "front matter must be a mapping of keys to values, not " + node.getNodeType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!KEYS.contains(field.getKey()) && !field.getKey().equals("date")) {
        // Scrapers and editors add keys of their own (tags, lang): say so, but keep the article.
        notes.add(
            "line "
                + lineOf(yaml, field.getKey())
                + ": unknown front matter key '"
                + field.getKey()
                + "' ignored (known: "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
        continue;
      }
      if (!field.getValue().isValueNode()) {
        throw new Problem(
            lineOf(yaml, field.getKey()), "'" + field.getKey() + "' must be a single value");
      }
    }
    String title = required(node, yaml, "title");
    String outlet = required(node, yaml, "outlet");
    String dateKey =
        optional(node, "published") == null && optional(node, "date") != null
            ? "date"
            : "published";
    if (dateKey.equals("date")) {
      notes.add("line " + lineOf(yaml, "date") + ": 'date' read as 'published'");
    }
    String published = required(node, yaml, dateKey);
    LocalDate date = parseDate(published, lineOf(yaml, dateKey));
    String id = optional(node, "id");
    if (id == null) {
      id = defaultId;
    }
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      throw new Problem(
          lineOf(yaml, "id"), "id must be letters, digits, '.', '_' or '-' (at most 128): " + id);
    }
    return new Source(id, title, outlet, date, optional(node, "url"), optional(node, "author"));
  }

  /**
   * The front matter block for {@code source}, from the opening '---' line to the closing one: what
   * {@link #parse} reads back as the same source (every value quoted, so that no title is read as a
   * number or a date).
   */
  static String write(Source source) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", source.id());
    fields.put("title", source.title());
    fields.put("outlet", source.outlet());
    fields.put("published", source.published().toString());
    if (source.url() != null) {
      fields.put("url", source.url());
    }
    if (source.author() != null) {
      fields.put("author", source.author());
    }
    StringBuilder out = new StringBuilder("---\n");
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        // A JSON string is a YAML double-quoted scalar: one line, every character escaped.
        out.append(f.getKey()).append(": ").append(JSON.writeValueAsString(f.getValue()));
        out.append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a string as JSON", e);
    }
    return out.append("---\n").toString();
  }

  private static LocalDate parseDate(String value, int line) throws Problem {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(value).toLocalDate();
      } catch (DateTimeParseException notATimestamp) {
        throw new Problem(line, "published must be an ISO date like 2025-04-11: " + value);
      }
    }
  }

  private static String required(JsonNode node, String yaml, String key) throws Problem {
    String value = optional(node, key);
    if (value == null) {
      throw new Problem(node.has(key) ? lineOf(yaml, key) : 0, "front matter lacks '" + key + "'");
    }
    return value;
  }

  private static String optional(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The file line of a parser location. YAML also breaks lines at a lone carriage return, which the
   * file's lines do not: count newlines up to the location's offset instead of taking its line.
   */
  private static int lineAt(String yaml, JsonLocation where) {
    if (where == null) {
      return 0;
    }
    long offset = where.getCharOffset();
    if (offset < 0) {
      return 0;
    }
    int line = 2;
    for (int i = 0; i < Math.min(offset, yaml.length()); i++) {
      if (yaml.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The file line a key is on: the front matter starts on line 2. */
  private static int lineOf(String yaml, String key) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].stripLeading().startsWith(key + ":")) {
        return i + 2;
      }
    }
    return 0;
  }

  private static int lineEnd(String t, int from) {
    int nl = t.indexOf('\n', from);
    return nl < 0 ? t.length() : nl;
  }

  private static int nextLine(String t, int lineEnd) {
    return Math.min(t.length(), lineEnd + 1);
  }
}
