package tradebot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Sentence;
import tradebot.text.WordTables;

/**
 * Finds in a sentence the thing a question type asks for: a figure of the wanted kind, a person's
 * name, a date, a place, a quotation. Each find is a span of the sentence's text, so that a lead
 * built from it restates the quote. Thread-safe (stateless).
 */
final class Evidence {
  /** A span of a sentence's text. */
  record Span(int start, int end, String text) {}

  /**
   * Capitalized words in a row, allowing initials and particles: "Treasury Secretary Steven
   * Mnuchin".
   */
  private static final Pattern NAME =
      Pattern.compile(
          "\\p{Lu}[\\p{L}'.-]*+(?:\\s+(?:(?:de|van|von|bin|al)\\s+)?\\p{Lu}[\\p{L}'.-]*+)++");

  private static final Pattern PLACE =
      Pattern.compile(
          "\\b(?:in|at)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}.-]*+(?:\\s+\\p{Lu}[\\p{L}.-]*+)*+)");

  /** Words in quotation marks, four or more: a quotation, not a "scare-quoted" phrase. */
  /** Where a description after a name ends: a comma, a dash, a semicolon. */
  private static final Pattern APPOSITIVE_END = Pattern.compile(",|;|\\s[—–-]{1,2}\\s");

  private static final Pattern QUOTED =
      Pattern.compile("[\"“](?:[^\"“”\\s]++\\s++){3,}+[^\"“”]*+[\"”]");

  private static final Pattern TIME_WORDS =
      Pattern.compile(
          "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
              + String.join("|", tradebot.text.Months.FULL_NAMES)
              + "|midnight|noon|next week|next month|next year|tomorrow|yesterday|today|tonight|(?:19|20)\\d\\d)\\b");

  /** A name as a sentence's speaker: "Fan Qiuyu said", or "said Fan Qiuyu," at a clause's end. */
  private static final Pattern SPEAKER_BEFORE =
      Pattern.compile("^,?\\s+(?:said|says|wrote|writes|added)\\b");

  private static final Pattern SPEAKER_AFTER =
      Pattern.compile("\\b(?:said|says|wrote|writes|added|according to)\\s+$");

  /** What may follow a name after "said": the clause ends ("said Fan Qiuyu, a professor"). */
  private static final Pattern CLAUSE_END = Pattern.compile("^\\s*(?:[,.;]|$)");

  /** Pronouns that open a sentence and stand for a person or body named before. */
  private static final Set<String> PERSONAL = Set.of("he", "she", "they", "his", "her", "their");

  private static final Pattern FIRST_WORD = Pattern.compile("^(\\p{L}+)(\\s+\\p{Lu})?");

  private Evidence() {}

  /**
   * Whether the sentence opens with a pronoun for a person or body named before ("She said ..."):
   * not inside a quotation (a quoted "They" is the speaker's), and not "He" of a name ("He
   * Lifeng").
   */
  static boolean opensWithPronoun(Sentence sentence) {
    Matcher m = FIRST_WORD.matcher(sentence.text().strip());
    return m.find() && m.group(2) == null && PERSONAL.contains(m.group(1).toLowerCase(Locale.ROOT));
  }

  /**
   * The name a sentence gives as its speaker: a name before "said" first, else the name after
   * "said" or "according to" that ends its clause ("said Fan Qiuyu, an associate professor").
   */
  static Optional<Span> speaker(Sentence sentence) {
    String text = sentence.text();
    Span after = null;
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      Span name = withoutLeadingCommonWords(text, m.start(), m.end());
      if (name == null) {
        continue;
      }
      if (name.text().endsWith(".")) { // the sentence's stop, not an initial
        name =
            new Span(
                name.start(), name.end() - 1, name.text().substring(0, name.text().length() - 1));
      }
      String rest = text.substring(name.end());
      if (SPEAKER_BEFORE.matcher(rest).find()) {
        return Optional.of(name);
      }
      if (after == null
          && SPEAKER_AFTER.matcher(text.substring(0, name.start())).find()
          && CLAUSE_END.matcher(rest).find()) {
        after = name;
      }
    }
    return Optional.ofNullable(after);
  }

  /** The span that answers {@code question} in {@code sentence}, if the sentence holds one. */
  static Optional<Span> find(Question question, Sentence sentence) {
    return switch (question.type()) {
      case FIGURE -> figure(question, sentence);
      case WHEN -> date(sentence);
      case WHO -> name(question, sentence);
      case WHERE -> place(question, sentence);
      case QUOTE -> quoted(sentence);
      case WHY, WHAT -> Optional.empty();
    };
  }

  /**
   * Whether the type asks for something a sentence must hold (figure, name, date, place, quote).
   */
  static boolean typed(QuestionType type) {
    return type != QuestionType.WHY && type != QuestionType.WHAT;
  }

  private static Optional<Span> figure(Question question, Sentence sentence) {
    Set<Figure.Kind> wanted = question.wantedFigures();
    for (Figure f : sentence.figures()) {
      boolean kindOk =
          wanted.isEmpty()
              ? f.kind() == Figure.Kind.PERCENT
                  || f.kind() == Figure.Kind.MONEY
                  || f.kind() == Figure.Kind.COUNT
              : wanted.contains(f.kind());
      if (kindOk) {
        return span(sentence, f);
      }
    }
    return Optional.empty();
  }

  private static Optional<Span> date(Sentence sentence) {
    for (Figure f : sentence.figures()) {
      if (f.kind() == Figure.Kind.DATE) {
        return span(sentence, f);
      }
    }
    Matcher m = TIME_WORDS.matcher(sentence.text());
    return m.find() ? Optional.of(new Span(m.start(), m.end(), m.group())) : Optional.empty();
  }

  private static Optional<Span> name(Question question, Sentence sentence) {
    String text = sentence.text();
    List<Span> names = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      Span name = withoutLeadingCommonWords(text, m.start(), m.end());
      if (name != null) {
        names.add(name);
      }
    }
    // "Who is Eswar Prasad?" names its subject and nothing else: the answer is a description.
    boolean describe = question.concepts().stream().allMatch(Question.Concept::entity);
    for (Span n : names) {
      if (!describe && !mentionedInQuestion(question, n.text())) {
        return Optional.of(n);
      }
    }
    // The description is what the sentence says after the name: "Eswar Prasad, a China expert".
    for (Span n : names) {
      if (describe
          && !mentionedInQuestion(question, n.text().replaceAll("^.*?(\\S+\\s+\\S+)$", "$1"))) {
        continue;
      }
      int after = n.end();
      if (after < text.length() && text.charAt(after) == ',') {
        Matcher stopAt = APPOSITIVE_END.matcher(text);
        int end = stopAt.find(after + 1) ? stopAt.start() : text.length();
        String appositive = text.substring(after + 1, end).strip();
        if (!appositive.isEmpty()) {
          int start = text.indexOf(appositive, after);
          String trimmed = appositive.replaceAll("[.\"”]+$", "");
          return Optional.of(new Span(start, start + trimmed.length(), trimmed));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Drops capitalized words that start a sentence or a date rather than a name ("The", "On",
   * "Thursday"); keeps what is left when it is two words or more.
   */
  private static Span withoutLeadingCommonWords(String text, int start, int end) {
    Matcher word = Pattern.compile("\\S+").matcher(text).region(start, end);
    int from = start;
    while (word.find()
        && NOT_NAMES.contains(word.group().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", ""))) {
      from = word.end();
    }
    String rest = text.substring(from, end).strip();
    if (rest.split("\\s+").length < 2) {
      return null;
    }
    int s = text.indexOf(rest, from);
    return new Span(s, s + rest.length(), rest);
  }

  /** English words that are capitalized at a sentence start or as days and months, not names. */
  private static final Set<String> NOT_NAMES = notNames();

  private static Set<String> notNames() {
    Set<String> words = new java.util.HashSet<>(WordTables.words("not-names"));
    for (String m : tradebot.text.Months.FULL_NAMES) {
      words.add(m.toLowerCase(Locale.ROOT));
    }
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      words.add(d.name().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(words);
  }

  private static Optional<Span> place(Question question, Sentence sentence) {
    Matcher m = PLACE.matcher(sentence.text());
    while (m.find()) {
      if (!mentionedInQuestion(question, m.group(1))) {
        return Optional.of(new Span(m.start(1), m.end(1), m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Span> quoted(Sentence sentence) {
    Matcher m = QUOTED.matcher(sentence.text());
    return m.find() ? Optional.of(new Span(m.start(), m.end(), m.group())) : Optional.empty();
  }

  private static boolean mentionedInQuestion(Question question, String name) {
    // Letters only on both sides: "Evans-Pritchard" and "China's" match however they are written.
    String q = question.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", "");
    for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (word.length() > 2 && !q.contains(word.replaceAll("[^\\p{L}]", ""))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Span> span(Sentence sentence, Figure f) {
    // Figure offsets are in the article body; the sentence text may have collapsed whitespace.
    int at = sentence.text().indexOf(f.text());
    return at < 0 ? Optional.empty() : Optional.of(new Span(at, at + f.text().length(), f.text()));
  }
}
