package tradebot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
   * (answer_id, question, lead, down, up, knowledge_base, passages).
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
    return out;
  }
}
