package tradebot.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * The JSON of {@code tariff --json}: {@code {"latest": [...], "pending": [...], "history": [...]}},
 * each entry {@code {"imposer", "target", "rate_percent", "rate_text", "combined_percent",
 * "combined_basis", "coverage", "status", "as_of", "effective", "published", "outlet", "title",
 * "quote"}} ({@code "base_quote"} too when a stacked rate's base comes from another sentence).
 * {@code "as_of"} is the day the entry counts from: its effective date when the article gives one,
 * else the article's date. "latest" holds each direction's level in effect, followed by sources of
 * about the same date that disagree; "pending" what is not in effect (threats, levels announced for
 * a later day); history is in date order. Thread-safe.
 */
final class TariffJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TariffJson() {}

  static String render(TariffTimeline t, Clock clock, TariffTimeline.Direction direction) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode latest = root.putArray("latest");
    ArrayNode pending = root.putArray("pending");
    for (TariffTimeline.Standing s : t.latest(clock)) {
      if (direction != null && !s.direction().equals(direction)) {
        continue;
      }
      if (s.level() != null) {
        entry(latest.addObject(), s.level());
      }
      s.disagreeing().forEach(d -> entry(latest.addObject(), d));
      s.pending().forEach(p -> entry(pending.addObject(), p));
    }
    ArrayNode history = root.putArray("history");
    t.history(clock, direction).forEach(e -> entry(history.addObject(), e));
    return root.toPrettyString();
  }

  static void entry(ObjectNode n, TariffEvent e) {
    n.put("imposer", e.imposer());
    n.put("target", e.target());
    number(n, "rate_percent", e.ratePercent());
    n.put("rate_text", e.rateText());
    number(n, "combined_percent", e.combinedPercent());
    n.put(
        "combined_basis",
        e.combinedPercent() == null ? null : e.combinedComputed() ? "computed" : "stated");
    n.put("coverage", e.coverage());
    n.put("status", e.status().label());
    n.put("as_of", e.when().toString());
    n.put("effective", e.effective() == null ? null : e.effective().toString());
    n.put("published", e.source().published().toString());
    n.put("outlet", e.source().outlet());
    n.put("title", e.source().title());
    n.put("quote", e.quote());
    if (e.base() != null) {
      n.put("base_quote", e.base().quote());
    }
  }

  private static void number(ObjectNode n, String key, Double v) {
    if (v == null) {
      n.putNull(key);
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      n.put(key, v.longValue());
    } else {
      n.put(key, v);
    }
  }
}
