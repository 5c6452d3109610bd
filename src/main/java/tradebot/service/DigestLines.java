package tradebot.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.feedback.Reload;

/**
 * The tariff lines of a reload's digest, worded once for the chat reply (which cites by number) and
 * for the audit (which quotes).
 */
public final class DigestLines {
  private DigestLines() {}

  /**
   * "Latest level China on US: 10% as of 2025-05-14 [2] (was 125% as of 2025-04-11)".
   *
   * @param cite the citation written after the level now in effect ("[2]")
   */
  public static String levelChange(
      TariffTimeline t, ReloadReport.LevelChange c, Function<TariffEvent, String> cite) {
    String who = t.name(c.direction().imposer()) + " on " + t.name(c.direction().target());
    String now =
        c.after() == null
            ? "no level in effect"
            : t.levelText(c.after()) + " as of " + c.after().when() + " " + cite.apply(c.after());
    String was =
        c.before() == null
            ? "none before"
            : "was " + t.levelText(c.before()) + " as of " + c.before().when();
    return "Latest level " + who + ": " + now + " (" + was + ")";
  }

  /** What the audit keeps of {@code report}, the tariff lines quoting their sentence. */
  static Reload audit(
      ReloadReport report, List<CorpusManager.Requester> by, TariffTimeline t, Instant at) {
    List<String> reports = new ArrayList<>();
    List<String> levels = new ArrayList<>();
    if (t != null) {
      for (TariffEvent e : report.tariffEvents()) {
        reports.add(t.line(e) + " " + quoted(e));
      }
      for (ReloadReport.LevelChange c : report.levelChanges()) {
        levels.add(levelChange(t, c, DigestLines::quoted));
      }
    }
    return new Reload(
        at,
        by.stream().map(r -> new Reload.Requester(r.via(), r.who())).toList(),
        report.outcome().name(),
        report.version(),
        report.articles(),
        report.added(),
        report.changed(),
        report.removed(),
        reports,
        levels,
        report.errors().size(),
        report.message(),
        report.took());
  }

  private static String quoted(TariffEvent e) {
    return "\"" + e.quote() + "\"";
  }
}
