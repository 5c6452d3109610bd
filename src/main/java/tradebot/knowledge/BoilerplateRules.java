package tradebot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boilerplate cleaner's rules as read from {@code config/boilerplate.yaml}: compiled and
 * checked, so that a bad rule fails at load time naming the rule and the file. Immutable.
 */
record BoilerplateRules(
    Limits limits,
    Pattern proseShape,
    List<PatternRule> patterns,
    Optional<ShortLine> shortLine,
    Optional<CaptionEcho> captionEcho,
    Optional<Rule> duplicate,
    Optional<RepeatedText> repeatedText,
    Optional<Carousel> carousel,
    Optional<Preamble> preamble) {

  static final String SHORT_LINE = "short-line";
  static final String CAPTION_ECHO = "caption-echo";
  static final String DUPLICATE = "duplicate";
  static final String REPEATED_TEXT = "repeated-text";
  static final String CAROUSEL = "carousel";
  static final String PREAMBLE = "preamble";

  BoilerplateRules {
    patterns = List.copyOf(patterns);
  }

  /** Beyond these sizes a line is prose whatever it contains. */
  record Limits(int maxFurnitureWords, int maxFurnitureChars, int listItemMaxWords) {}

  /** A rule's name and its one-line reason. */
  record Rule(String name, String why) {}

  /**
   * A line matching {@code regex} is furniture.
   *
   * @param maxWords the rule drops only lines of at most this many words; 0: any length
   * @param listAfter how many short, unpunctuated lines after a match are its link list
   */
  record PatternRule(String name, String why, Pattern regex, int maxWords, int listAfter) {}

  record ShortLine(String why, int maxWords, Pattern keepIf) {}

  record CaptionEcho(String why, Set<String> between, int maxBetween) {}

  record RepeatedText(String why, int minWords) {}

  record Carousel(
      String why, PatternRule marker, PatternRule clipLength, int titleMaxWords, int maxGapLines) {}

  record Preamble(String why, Pattern lead, int minDropped, double minShare) {}

  /** Every rule by name, for explaining a verdict. */
  Map<String, String> whyByName() {
    Map<String, String> out = new LinkedHashMap<>();
    patterns.forEach(p -> out.put(p.name(), p.why()));
    shortLine.ifPresent(r -> out.put(SHORT_LINE, r.why()));
    captionEcho.ifPresent(r -> out.put(CAPTION_ECHO, r.why()));
    duplicate.ifPresent(r -> out.put(DUPLICATE, r.why()));
    repeatedText.ifPresent(r -> out.put(REPEATED_TEXT, r.why()));
    carousel.ifPresent(r -> out.put(CAROUSEL, r.why()));
    preamble.ifPresent(r -> out.put(PREAMBLE, r.why()));
    return out;
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Parses the YAML text of a rules file.
   *
   * @param origin the file, for messages
   * @throws IllegalArgumentException naming the file, the rule and what is wrong
   */
  static BoilerplateRules parse(String yaml, String origin) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    RulesReader r = new RulesReader(origin);
    if (root == null || !root.isObject()) {
      throw r.fail("the file", "must be a mapping with 'patterns' and 'structure'");
    }
    r.keys(
        root,
        "the file",
        Set.of("limits", "prose_shape", "terms", "patterns", "structure"),
        Set.of("patterns"));
    JsonNode l = root.path("limits");
    r.keys(
        l,
        "limits",
        Set.of("max_furniture_words", "max_furniture_chars", "list_item_max_words"),
        Set.of());
    Limits limits =
        new Limits(
            r.positive(l, "max_furniture_words", "limits", 120),
            r.positive(l, "max_furniture_chars", "limits", 3000),
            r.positive(l, "list_item_max_words", "limits", 20));
    JsonNode terms = root.path("terms");
    if (!terms.isMissingNode()) {
      r.keys(terms, "terms", null, Set.of());
      for (Map.Entry<String, JsonNode> t : terms.properties()) {
        r.terms.put(t.getKey(), r.text(terms, t.getKey(), "terms"));
      }
    }
    Pattern proseShape =
        root.has("prose_shape")
            ? r.regex(r.text(root, "prose_shape", "the file"), "prose_shape")
            : r.regex("[.!?…][\"'”’»)\\]]*+$|^[\"“‘«]", "prose_shape");
    List<PatternRule> patterns = new ArrayList<>();
    Map<String, PatternRule> byName = new HashMap<>();
    JsonNode list = root.get("patterns");
    if (!list.isArray()) {
      throw r.fail("patterns", "must be a list of rules");
    }
    for (int i = 0; i < list.size(); i++) {
      PatternRule p = r.pattern(list.get(i), i + 1);
      if (byName.put(p.name(), p) != null) {
        throw r.fail("pattern '" + p.name() + "'", "the name is used twice");
      }
      patterns.add(p);
    }
    JsonNode s = root.path("structure");
    r.keys(
        s,
        "structure",
        Set.of(SHORT_LINE, CAPTION_ECHO, DUPLICATE, REPEATED_TEXT, CAROUSEL, PREAMBLE),
        Set.of());
    String shortLine = rule(SHORT_LINE);
    String echo = rule(CAPTION_ECHO);
    String repeated = rule(REPEATED_TEXT);
    String carousel = rule(CAROUSEL);
    String preamble = rule(PREAMBLE);
    return new BoilerplateRules(
        limits,
        proseShape,
        patterns,
        r.section(
            s,
            SHORT_LINE,
            Set.of("max_words", "keep_if"),
            n ->
                new ShortLine(
                    r.why(n, shortLine),
                    r.positive(n, "max_words", shortLine, 7),
                    r.regex(r.text(n, "keep_if", shortLine), SHORT_LINE))),
        r.section(
            s,
            CAPTION_ECHO,
            Set.of("between", "max_between"),
            n ->
                new CaptionEcho(
                    r.why(n, echo),
                    r.names(n, "between", CAPTION_ECHO, byName),
                    r.positive(n, "max_between", echo, 1))),
        r.section(s, DUPLICATE, Set.of(), n -> new Rule(DUPLICATE, r.why(n, rule(DUPLICATE)))),
        r.section(
            s,
            REPEATED_TEXT,
            Set.of("min_words"),
            n -> new RepeatedText(r.why(n, repeated), r.positive(n, "min_words", repeated, 6))),
        r.section(
            s,
            CAROUSEL,
            Set.of("marker", "clip_length", "title_max_words", "max_gap_lines"),
            n ->
                new Carousel(
                    r.why(n, carousel),
                    r.ref(n, "marker", byName),
                    r.ref(n, "clip_length", byName),
                    r.positive(n, "title_max_words", carousel, 16),
                    r.positive(n, "max_gap_lines", carousel, 4))),
        r.section(
            s,
            PREAMBLE,
            Set.of("lead", "min_dropped", "min_share"),
            n ->
                new Preamble(
                    r.why(n, preamble),
                    r.regex(r.text(n, "lead", preamble), PREAMBLE),
                    r.positive(n, "min_dropped", preamble, 6),
                    r.share(n, "min_share", preamble))));
  }

  private static String rule(String name) {
    return "rule '" + name + "'";
  }
}
