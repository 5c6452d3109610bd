package tradebot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores answers against a question file, with the metrics of {@code
 * src/test/resources/eval/README.md}: correct@1, correct@3, abstain, false-abstain, fidelity and
 * figures. Works on the answers' JSON, so that any answerer (ours, or a baseline) can be scored the
 * same way. Not thread-safe: one evaluator per run.
 */
public final class Evaluator {
  /** Counts for one kind of question, or for all. */
  public static final class Tally {
    public int questions;
    public int inScope;
    public int correct1;
    public int correct3;
    public int offTopic;
    public int abstained;
    public int falseAbstain;

    public double correct1Rate() {
      return inScope == 0 ? 1 : (double) correct1 / inScope;
    }
  }

  private final Function<String, String> articleText;
  private final Tally all = new Tally();
  private final Map<String, Tally> byKind = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private int quotes;
  private int faithfulQuotes;
  private int figures;
  private int faithfulFigures;

  /**
   * @param articleText the body of an article by id, or null when unknown
   */
  public Evaluator(Function<String, String> articleText) {
    this.articleText = articleText;
  }

  /** Scores one answer (JSON as {@code ask --json} prints it). */
  public void add(EvalQuestion q, JsonNode answer) {
    Tally kind = byKind.computeIfAbsent(q.kind(), k -> new Tally());
    boolean answered = answer.path("answered").asBoolean(false);
    JsonNode citations = answer.path("citations");
    for (Tally t : List.of(all, kind)) {
      t.questions++;
    }
    checkFidelity(citations, answer.path("figures"));
    if (q.abstain()) {
      for (Tally t : List.of(all, kind)) {
        t.offTopic++;
        t.abstained += answered ? 0 : 1;
      }
      if (answered) {
        failures.add(
            q.id() + " should decline: \"" + q.question() + "\" got: " + firstQuote(citations));
      }
      return;
    }
    int rank = 0;
    for (int i = 0; i < Math.min(3, citations.size()) && answered; i++) {
      if (hits(q, citations.get(i))) {
        rank = i + 1;
        break;
      }
    }
    for (Tally t : List.of(all, kind)) {
      t.inScope++;
      t.falseAbstain += answered ? 0 : 1;
      t.correct1 += rank == 1 ? 1 : 0;
      t.correct3 += rank >= 1 ? 1 : 0;
    }
    if (!answered) {
      failures.add(
          q.id()
              + " declined: \""
              + q.question()
              + "\" (confidence "
              + answer.path("confidence").asDouble()
              + ")");
    } else if (rank != 1) {
      failures.add(
          q.id()
              + (rank == 0 ? " wrong" : " right only at rank " + rank)
              + ": \""
              + q.question()
              + "\" expected "
              + q.expect()
              + " in "
              + q.cites()
              + ", got: "
              + firstQuote(citations));
    }
  }

  private boolean hits(EvalQuestion q, JsonNode citation) {
    return answers(q, citation.path("quote").asText(), citation.path("published").asText());
  }

  /**
   * Whether a quote from an article published on {@code published} (ISO date) answers {@code q}:
   * the date starts with its {@code cites} and the quote holds one of its {@code expect} strings.
   */
  public static boolean answers(EvalQuestion q, String quote, String published) {
    if (q.abstain() || !published.startsWith(q.cites())) {
      return false;
    }
    String folded = fold(quote);
    return q.expect().stream().anyMatch(e -> folded.contains(fold(e)));
  }

  private void checkFidelity(JsonNode citations, JsonNode figureNodes) {
    Map<Integer, String> quoteByN = new LinkedHashMap<>();
    for (JsonNode c : citations) {
      quotes++;
      String body = articleText.apply(c.path("article").asText());
      String quote = c.path("quote").asText();
      quoteByN.put(c.path("n").asInt(), quote);
      if (body != null && fold(body).contains(fold(quote))) {
        faithfulQuotes++;
      } else {
        failures.add("unfaithful quote from " + c.path("article").asText() + ": " + quote);
      }
    }
    for (JsonNode f : figureNodes) {
      figures++;
      String quote = quoteByN.get(f.path("citation").asInt());
      if (quote != null && fold(quote).contains(fold(f.path("text").asText()))) {
        faithfulFigures++;
      } else {
        failures.add("figure outside its quote: " + f);
      }
    }
  }

  /** Case-insensitive, whitespace collapsed, curly quotes and dashes folded to plain ones. */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    n = n.replaceAll("[‘’‛′]", "'").replaceAll("[“”„″]", "\"").replaceAll("[–—‒―]", "-");
    return n.replaceAll("\\s+", " ").strip();
  }

  private static String firstQuote(JsonNode citations) {
    return citations.isEmpty()
        ? "(no citation)"
        : "["
            + citations.get(0).path("published").asText()
            + "] "
            + citations.get(0).path("quote").asText();
  }

  public List<String> failures() {
    return failures;
  }

  public Tally total() {
    return all;
  }

  public Map<String, Tally> byKind() {
    return byKind;
  }

  public double fidelity() {
    return quotes == 0 ? 1 : (double) faithfulQuotes / quotes;
  }

  public double figureFidelity() {
    return figures == 0 ? 1 : (double) faithfulFigures / figures;
  }

  /** The summary line: the same words in every run, so tools can read it. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "correct@1 %d/%d, correct@3 %d/%d, abstain %d/%d, false-abstain %d/%d, fidelity %.1f%% (%d/%d), figures %.1f%% (%d/%d)",
        all.correct1,
        all.inScope,
        all.correct3,
        all.inScope,
        all.abstained,
        all.offTopic,
        all.falseAbstain,
        all.inScope,
        100 * fidelity(),
        faithfulQuotes,
        quotes,
        100 * figureFidelity(),
        faithfulFigures,
        figures);
  }

  /** One line per kind: "figure: correct@1 9/9, correct@3 9/9". */
  public List<String> perKind() {
    List<String> out = new ArrayList<>();
    byKind.forEach(
        (kind, t) ->
            out.add(
                t.inScope > 0
                    ? String.format(
                        Locale.ROOT,
                        "%-10s correct@1 %d/%d, correct@3 %d/%d, false-abstain %d",
                        kind,
                        t.correct1,
                        t.inScope,
                        t.correct3,
                        t.inScope,
                        t.falseAbstain)
                    : String.format(
                        Locale.ROOT, "%-10s abstain %d/%d", kind, t.abstained, t.offTopic)));
    return out;
  }
}
