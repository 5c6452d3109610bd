package tradebot.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.Source;

/**
 * Reads a sentence without a tariff word that continues the tariff story of the sentence before it:
 * "The US suspended the planned increase." Thread-safe.
 */
final class Continuation {
  private final TariffCues cues;
  private final StatusCues status;
  private final EffectiveDates dates;
  private final Rates rates;
  private final Phrases.Cue hypothetical;
  private final Pattern suspensionObjects;

  Continuation(TariffCues cues, StatusCues status, EffectiveDates dates, Rates rates) {
    this.cues = cues;
    this.status = status;
    this.dates = dates;
    this.rates = rates;
    this.hypothetical = Phrases.Cue.of(cues.hypothetical());
    this.suspensionObjects = Phrases.of(cues.suspensionObjects());
  }

  /**
   * "The US suspended the planned increase.": a sentence without a tariff word that suspends
   * something continues the tariff story of the event before it.
   */
  TariffEvent of(
      Source source, String s, int index, List<Countries.Mention> mentions, TariffEvent previous) {
    if (hypothetical.occurs(s, 0, s.length())) {
      return null;
    }
    Matcher verb = status.first(TariffTimeline.Status.SUSPENDED, s);
    if (verb == null) {
      return null;
    }
    Matcher object = suspensionObjects.matcher(s);
    if (!object.find()) {
      return null;
    }
    String imposer = null;
    for (Countries.Mention x : mentions) {
      if (x.end() <= verb.start()) {
        imposer = x.iso();
      }
    }
    if (imposer == null) {
      imposer = previous.imposer();
    }
    String target =
        imposer.equals(previous.imposer())
            ? previous.target()
            : cues.defaultCounterparts().get(imposer);
    if (target == null || target.equals(imposer)) {
      return null;
    }
    LocalDate effective = dates.find(s, 0, s.length(), verb.start(), false, source.published());
    if (effective != null && effective.isAfter(source.published())) {
      effective = null;
    }
    String what =
        object.start() >= verb.end()
            ? s.substring(verb.end(), object.end()).strip() // "suspended the planned increase"
            : determined(s, object.start(), object.end()); // "The increase ... has been shelved"
    Rates.Parsed parsed = rates.parse(s, 0, s.length());
    Rates.Rate rate = TariffExtractor.chooseRates(parsed, s).stream().findFirst().orElse(null);
    return new TariffEvent(
        imposer,
        target,
        TariffTimeline.Status.SUSPENDED,
        rate == null ? null : rate.value(),
        rate == null ? null : rate.text(),
        rate == null ? null : rate.low(),
        parsed.from() == null ? null : parsed.from().value(),
        null,
        null,
        null,
        false,
        null,
        what,
        effective,
        verb.group(),
        source,
        s,
        index,
        null);
  }

  /** The noun phrase ending at {@code end}, from its article: "The increase". */
  private static String determined(String s, int start, int end) {
    Matcher d =
        Pattern.compile("(?i)(?:^|\\s)(the|a|an|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}$")
            .matcher(s.substring(0, start));
    return s.substring(d.find() ? d.start(1) : start, end);
  }
}
