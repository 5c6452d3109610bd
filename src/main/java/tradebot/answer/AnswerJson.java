package tradebot.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an answer, as {@code ask --json}, the HTTP API and {@code eval} use it: {@code
 * {"question", "answered", "lead", "text", "citations": [...], "figures": [...], "confidence",
 * "took_ms"}}. Thread-safe.
 */
public final class AnswerJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerJson() {}

  /** The answer as a JSON tree. */
  public static ObjectNode toJson(Answer answer) {
    ObjectNode out = JSON.createObjectNode();
    out.put("question", answer.question());
    out.put("answered", answer.answered());
    ArrayNode citations = JSON.createArrayNode();
    ArrayNode figures = JSON.createArrayNode();
    switch (answer) {
      case Answer.Answered a -> {
        out.put("kind", a.kind().label());
        out.put("lead", a.lead());
        out.put("text", AnswerText.render(a));
        for (Answer.Citation c : a.citations()) {
          ObjectNode n = citations.addObject();
          n.put("n", c.n());
          n.put("article", c.source().id());
          n.put("title", c.source().title());
          n.put("outlet", c.source().outlet());
          n.put("published", c.source().published().toString());
          n.put("quote", c.quote());
          n.put("url", c.source().url());
          n.put("start", c.start());
          n.put("end", c.end());
        }
        for (Answer.CitedFigure f : a.figures()) {
          ObjectNode n = figures.addObject();
          n.put("text", f.figure().text());
          n.put("kind", f.figure().kind().label());
          n.put("value", f.figure().value());
          n.put("unit", f.figure().unit());
          n.put("citation", f.citation());
        }
        out.put("confidence", round(a.confidence()));
      }
      case Answer.NotFound nf -> {
        out.put("lead", nf.message());
        out.put("text", nf.message());
        out.put("confidence", round(nf.confidence()));
      }
      case Answer.Refused r -> {
        out.put("lead", r.message());
        out.put("text", r.message());
        out.put("reason", r.reason().name().toLowerCase(java.util.Locale.ROOT));
        out.put("confidence", 0.0);
      }
    }
    out.set("citations", citations);
    out.set("figures", figures);
    if (!answer.note().isEmpty()) {
      out.put("note", answer.note());
    }
    out.put("took_ms", round(answer.took().toNanos() / 1e6));
    return out;
  }

  /** One line of JSON. */
  public static String toJsonLine(Answer answer) {
    return toJson(answer).toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
