package tradebot.answer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.Sentence;

/**
 * Writes an answer's lead from the templates in {@code config/answers.yaml}: the key figure, name,
 * date or place up front, then the clause of the quote that holds it. Both are spans of the quote,
 * so the lead states nothing the quote does not. Thread-safe.
 */
final class LeadWriter {
  /** Sentences up to this many words are their own clause. */
  private static final int SHORT_SENTENCE_WORDS = 28;

  /** A clause grows to at least this many words. */
  private static final int MIN_CLAUSE_WORDS = 8;

  private static final Pattern BREAK = Pattern.compile("[,;:]\\s+|\\s+[—–-]{1,2}\\s+");

  private final AnswerRules rules;

  LeadWriter(AnswerRules rules) {
    this.rules = rules;
  }

  /**
   * The lead for an answer quoting {@code quote}, whose sentence {@code anchor} is the one ranked.
   * The key is looked for in the anchor first, then in the sentences quoted after it, then in the
   * one before; for "who" the one before comes second, as it names whom the anchor's "she" stands
   * for. When the anchor opens with such a pronoun and the sentence before names its speaker ("...,
   * said Fan Qiuyu. She said the call ..."), that name is the key of a "who" lead and leads the
   * anchor's clause otherwise ("Fan Qiuyu: She said the call ...").
   */
  String lead(Question question, List<Sentence> quote, Sentence anchor) {
    String template = rules.leads().get(question.type());
    int at = Math.max(0, quote.indexOf(anchor));
    Optional<Evidence.Span> speaker =
        at > 0 && Evidence.opensWithPronoun(anchor)
            ? Evidence.speaker(quote.get(at - 1))
            : Optional.empty();
    String anchorClause = clause(anchor.text(), 0, 0);
    if (question.type() == QuestionType.WHO && speaker.isPresent()) {
      return fill(template, speaker.get().text(), anchorClause);
    }
    List<Sentence> order = new java.util.ArrayList<>(quote.subList(at, quote.size()));
    order.addAll(quote.subList(0, at));
    for (Sentence s : order) {
      Optional<Evidence.Span> key = Evidence.find(question, s);
      if (key.isPresent()) {
        String clause = clause(s.text(), key.get().start(), key.get().end());
        if (s == anchor && speaker.isPresent() && !template.contains("{key}")) {
          clause = speaker.get().text() + ": " + clause;
        }
        return fill(template, key.get().text(), clause);
      }
    }
    String clause = speaker.map(w -> w.text() + ": " + anchorClause).orElse(anchorClause);
    // No key found: fall back to the clause alone, dropping the {key} part of the template.
    String keyless = template.contains("{key}") ? rules.leads().get(QuestionType.WHAT) : template;
    return fill(keyless, "", clause);
  }

  private static String fill(String template, String key, String clause) {
    return template.replace("{key}", key).replace("{clause}", clause);
  }

  /**
   * The clause of {@code sentence} around [{@code start}, {@code end}), at least a few words long.
   */
  static String clause(String sentence, int start, int end) {
    if (sentence.split("\\s+").length <= SHORT_SENTENCE_WORDS) {
      return sentence;
    }
    // Segment boundaries: after a comma, semicolon or colon; around a dash.
    List<int[]> segments = new java.util.ArrayList<>();
    Matcher m = BREAK.matcher(sentence);
    int from = 0;
    while (m.find()) {
      segments.add(new int[] {from, m.start()});
      from = m.end();
    }
    segments.add(new int[] {from, sentence.length()});
    int first = 0;
    while (first < segments.size() - 1 && segments.get(first)[1] <= start) {
      first++;
    }
    int last = first;
    while (last < segments.size() - 1 && segments.get(last)[1] < end) {
      last++;
    }
    while (words(sentence, segments.get(first)[0], segments.get(last)[1]) < MIN_CLAUSE_WORDS
        && (first > 0 || last < segments.size() - 1)) {
      if (last < segments.size() - 1) {
        last++;
      } else {
        first--;
      }
    }
    String clause = sentence.substring(segments.get(first)[0], segments.get(last)[1]).strip();
    boolean cutStart = segments.get(first)[0] > 0;
    boolean cutEnd = segments.get(last)[1] < sentence.length();
    return (cutStart ? "… " : "") + clause + (cutEnd ? " …" : "");
  }

  private static int words(String s, int from, int to) {
    String part = s.substring(from, to).strip();
    return part.isEmpty() ? 0 : part.split("\\s+").length;
  }
}
