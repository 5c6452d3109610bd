package tradebot.facts;

import java.util.ArrayList;
import java.util.List;

/** How tariff levels and events read for people, in chat and on the command line. Thread-safe. */
final class TariffText {
  /** A rate written as just a number and a unit ("25 per cent"): nothing to add to "25%". */
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile(
          "\\d+(?:\\.\\d+)?\\s*(?:%|percent|per cent|pct)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private TariffText() {}

  /** "125%", "7.5%". */
  static String pct(double v) {
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + "%";
  }

  /** "US on China: 145% (125% on top of an existing 20%, computed)". */
  static String summary(TariffTimeline t, TariffTimeline.Standing s) {
    String head = t.name(s.direction().imposer()) + " on " + t.name(s.direction().target()) + ": ";
    TariffEvent e = s.level();
    if (e == null) {
      return head
          + "no level known, "
          + s.pending().size()
          + " threat"
          + (s.pending().size() == 1 ? "" : "s")
          + " pending";
    }
    StringBuilder sb = new StringBuilder(head).append(standingLevel(s));
    for (TariffEvent d : s.disagreeing()) {
      sb.append("; ")
          .append(e.source().outlet())
          .append(" ")
          .append(e.when())
          .append(" vs ")
          .append(level(d))
          .append(" per ")
          .append(d.source().outlet())
          .append(" ")
          .append(d.when());
    }
    return sb.toString();
  }

  /** The level of a standing: its event's, or "suspended (was 10%)" when it was suspended. */
  static String standingLevel(TariffTimeline.Standing s) {
    if (s.replaced() != null && s.replaced().levelPercent() != null) {
      return "suspended (was " + pct(s.replaced().levelPercent()) + ")";
    }
    return level(s.level());
  }

  /** The level an event sets, with how it is made up and where it stands. */
  static String level(TariffEvent e) {
    List<String> details = new ArrayList<>();
    String main;
    if (e.status() == TariffTimeline.Status.SUSPENDED) {
      main = e.ratePercent() == null ? "suspended" : pct(e.ratePercent()) + " suspended";
    } else if (e.levelPercent() == null) {
      main = "rate not stated";
    } else {
      main = pct(e.levelPercent());
      if (e.combinedPercent() != null && e.combinedComputed()) {
        String base =
            e.base() == null
                ? e.stackText()
                : "on top of the earlier "
                    + pct(e.basePercent())
                    + " from "
                    + e.base().source().outlet()
                    + " "
                    + e.base().when();
        details.add(pct(e.ratePercent()) + " " + base + ", computed");
      } else if (e.combinedPercent() != null) {
        details.add(
            "total as stated; rate "
                + (e.rateText() == null ? pct(e.ratePercent()) : e.rateText()));
      } else if (e.rateText() != null && !PLAIN.matcher(e.rateText()).matches()) {
        details.add(e.rateText());
      }
      if (e.status() != TariffTimeline.Status.IN_EFFECT) {
        details.add(e.status().text());
      }
      if (e.fromPercent() != null && e.rateText() != null) {
        details.add("from " + pct(e.fromPercent()));
      }
    }
    if (e.effective() != null && e.status() != TariffTimeline.Status.IN_EFFECT) {
      details.add("effective " + e.effective());
    }
    return details.isEmpty() ? main : main + " (" + String.join(", ", details) + ")";
  }

  /**
   * "2018-09-24 · US on China · announced · 10% (up to 10 percent) · another $200 billion in
   * Chinese imports · The Washington Post, 2018-09-21".
   */
  static String line(TariffTimeline t, TariffEvent e) {
    String rate;
    if (e.ratePercent() == null) {
      rate = e.cue().isEmpty() ? "rate not stated" : e.cue() + ", rate not stated";
    } else if (e.combinedPercent() != null) {
      rate =
          pct(e.combinedPercent())
              + " ("
              + pct(e.ratePercent())
              + " + "
              + pct(e.combinedPercent() - e.ratePercent())
              + (e.combinedComputed() ? ", computed)" : ", stated)");
    } else {
      rate =
          e.rateText() != null && !PLAIN.matcher(e.rateText()).matches()
              ? pct(e.ratePercent()) + " (" + e.rateText() + ")"
              : pct(e.ratePercent());
    }
    if (e.fromPercent() != null) {
      rate += " from " + pct(e.fromPercent());
    }
    return String.join(
        " · ",
        e.when().toString(),
        t.name(e.imposer()) + " on " + t.name(e.target()),
        e.status().text(),
        rate,
        e.coverage() == null ? "coverage not stated" : e.coverage(),
        e.source().outlet() + ", " + e.source().published());
  }
}
