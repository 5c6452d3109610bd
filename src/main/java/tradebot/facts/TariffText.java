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

  /**
   * "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11"; with sources
   * of about the same date that disagree, "US on China: 145% as of 2025-04-11 per Bloomberg; 125%
   * as of 2025-04-10 per Reuters". The day is the level's effective date, else its article's, so
   * the level text leaves its "effective" out.
   */
  static String summary(TariffTimeline t, TariffTimeline.Standing s) {
    String head = t.name(s.direction().imposer()) + " on " + t.name(s.direction().target()) + ": ";
    TariffEvent e = s.level();
    if (e == null) {
      return head + "no level in effect known, " + s.pending().size() + " pending";
    }
    StringBuilder sb =
        new StringBuilder(head).append(standingLevel(s, false)).append(" as of ").append(s.asOf());
    if (!s.disagreeing().isEmpty()) {
      sb.append(" per ").append(e.source().outlet());
    }
    for (TariffEvent d : s.disagreeing()) {
      sb.append("; ")
          .append(level(d, false))
          .append(" as of ")
          .append(d.when())
          .append(" per ")
          .append(d.source().outlet());
    }
    return sb.toString();
  }

  /** The level of a standing: its event's, or "suspended (was 10%)" when it was suspended. */
  static String standingLevel(TariffTimeline.Standing s) {
    return standingLevel(s, true);
  }

  private static String standingLevel(TariffTimeline.Standing s, boolean effective) {
    if (s.replaced() != null && s.replaced().levelPercent() != null) {
      return "suspended (was " + pct(s.replaced().levelPercent()) + ")";
    }
    return level(s.level(), effective);
  }

  /** The level an event sets, with how it is made up, where it stands and from when. */
  static String level(TariffEvent e) {
    return level(e, true);
  }

  private static String level(TariffEvent e, boolean effective) {
    List<String> details = new ArrayList<>();
    String main = rate(e, details);
    if (e.status() != TariffTimeline.Status.SUSPENDED && e.levelPercent() != null) {
      if (e.status() != TariffTimeline.Status.IN_EFFECT) {
        details.add(e.status().text());
      }
      if (e.fromPercent() != null && e.rateText() != null) {
        details.add("from " + pct(e.fromPercent()));
      }
    }
    if (effective && e.effective() != null && e.status() != TariffTimeline.Status.IN_EFFECT) {
      details.add("effective " + e.effective());
    }
    return details.isEmpty() ? main : main + " (" + String.join(", ", details) + ")";
  }

  /**
   * The rate an event gives ("145%", "suspended", "rate not stated"), adding to {@code details} how
   * it is made up ("125% on top of an existing 20%, computed").
   */
  private static String rate(TariffEvent e, List<String> details) {
    if (e.status() == TariffTimeline.Status.SUSPENDED) {
      return e.ratePercent() == null ? "suspended" : pct(e.ratePercent()) + " suspended";
    }
    if (e.levelPercent() == null) {
      return "rate not stated";
    }
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
          "total as stated; rate " + (e.rateText() == null ? pct(e.ratePercent()) : e.rateText()));
    } else if (e.rateText() != null && !PLAIN.matcher(e.rateText()).matches()) {
      details.add(e.rateText());
    }
    return pct(e.levelPercent());
  }

  /**
   * A threat or a level announced for a later day, as a line apart from the levels in effect: "US
   * on China: 100%, threatened 2025-11-02, on Chinese goods"; "US on China: 225% (100% on top of
   * ..., computed), announced 2025-10-10, effective 2025-11-01, on imports from China".
   */
  static String pending(TariffTimeline t, TariffEvent e) {
    List<String> details = new ArrayList<>();
    String rate = rate(e, details);
    StringBuilder sb =
        new StringBuilder(t.name(e.imposer()))
            .append(" on ")
            .append(t.name(e.target()))
            .append(": ")
            .append(rate);
    if (!details.isEmpty()) {
      sb.append(" (").append(String.join(", ", details)).append(")");
    }
    sb.append(", ").append(e.status().text()).append(" ").append(e.source().published());
    if (e.effective() != null) {
      sb.append(", effective ").append(e.effective());
    }
    if (e.coverage() != null) {
      sb.append(", on ").append(e.coverage());
    }
    return sb.toString();
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
