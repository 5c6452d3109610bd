package tradebot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The moderators' report as JSON, the same for {@code report --json} and {@code GET /api/report}.
 * Times are ISO-8601 instants. Thread-safe.
 */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  /**
   * {@code from}, {@code to}, {@code answers}, {@code declines}, {@code voted_down}, {@code
   * declined} (question, times, last), {@code declined_without_text} and {@code disliked}
   * (answer_id, question, lead, down, up, knowledge_base, passages) and {@code reloads} (at,
   * requested_by (via, user_hash), outcome, knowledge_base, articles, added, changed, removed,
   * tariff_reports, level_changes, skipped, message, took_ms).
   */
  public static ObjectNode toJson(Report r) {
    ObjectNode out = JSON.createObjectNode();
    out.put("from", r.from().toString());
    out.put("to", r.to().toString());
    out.put("answers", r.answers());
    out.put("declines", r.declines());
    out.put("voted_down", r.votedDown());
    ArrayNode declined = out.putArray("declined");
    for (Report.Declined d : r.declined()) {
      declined
          .addObject()
          .put("question", d.question())
          .put("times", d.times())
          .put("last", d.last().toString());
    }
    out.put("declined_without_text", r.declinedWithoutText());
    ArrayNode disliked = out.putArray("disliked");
    for (Report.Disliked d : r.disliked()) {
      ObjectNode o =
          disliked
              .addObject()
              .put("answer_id", d.answerId())
              .put("question", d.question())
              .put("lead", d.lead())
              .put("down", d.down())
              .put("up", d.up())
              .put("knowledge_base", d.knowledgeBase());
      ArrayNode passages = o.putArray("passages");
      for (Given.Passage p : d.passages()) {
        passages
            .addObject()
            .put("source", p.source())
            .put("title", p.title())
            .put("quote", p.quote());
      }
    }
    ArrayNode reloads = out.putArray("reloads");
    for (Reload l : r.reloads()) {
      ObjectNode o = reloads.addObject().put("at", l.at().toString());
      ArrayNode by = o.putArray("requested_by");
      l.by().forEach(b -> by.addObject().put("via", b.via()).put("user_hash", b.who()));
      o.put("outcome", l.outcome())
          .put("knowledge_base", l.version())
          .put("articles", l.articles());
      strings(o.putArray("added"), l.added());
      strings(o.putArray("changed"), l.changed());
      strings(o.putArray("removed"), l.removed());
      strings(o.putArray("tariff_reports"), l.tariffReports());
      strings(o.putArray("level_changes"), l.levelChanges());
      o.put("skipped", l.skipped()).put("message", l.message()).put("took_ms", l.took().toMillis());
    }
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
