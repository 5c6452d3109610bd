package tradebot.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

/**
 * One tariff event read from one sentence: who imposes it on whom, at what rate, on what, in what
 * state and from when, with the sentence it was read from. Immutable.
 *
 * @param imposer ISO code of the country that imposes the tariff ("US")
 * @param target ISO code of the country whose goods it falls on ("CN")
 * @param status in effect, announced, threatened, reduced or suspended
 * @param ratePercent the rate in percent, the upper bound of a range, or null when none is given
 * @param rateText the rate as written ("up to 10 percent", "5 per cent to 25 per cent"), or null
 * @param rateLowPercent the lower bound of a range, or null
 * @param fromPercent the level the rate changed from ("to 25% from 10%"), or null
 * @param basePercent the existing rate this one stacks on ("on top of an existing 20%"), or null
 * @param stackText the stacking phrase as written ("on top of an existing 20%"), or null
 * @param totalPercent a stated total of stacked rates ("bringing the total to 145%"), or null
 * @param stacksOnExisting whether the rate stacks on an existing level the sentence does not give
 * @param base the earlier event whose level this one stacks on, when the base is not in the
 *     sentence; null otherwise
 * @param coverage the goods covered as written ("$200 billion of Chinese imports"), or null
 * @param effective the date the rate applies, when the text says, else null
 * @param cue the word that gave the status, as written ("hiked", "threat"), or "" when none did
 * @param source the article
 * @param quote the sentence, verbatim
 * @param sentence the sentence's index in its article, for a stable order
 * @param span the sentence as its article holds it (offsets in the body, figures), or null when the
 *     event was read from bare text rather than from a document
 */
public record TariffEvent(
    String imposer,
    String target,
    TariffTimeline.Status status,
    Double ratePercent,
    String rateText,
    Double rateLowPercent,
    Double fromPercent,
    Double basePercent,
    String stackText,
    Double totalPercent,
    boolean stacksOnExisting,
    TariffEvent base,
    String coverage,
    LocalDate effective,
    String cue,
    Source source,
    String quote,
    int sentence,
    Sentence span) {

  public TariffEvent {
    if (imposer == null || imposer.isBlank() || target == null || target.isBlank()) {
      throw new IllegalArgumentException(
          "imposer and target must be given: " + imposer + "/" + target);
    }
    if (imposer.equals(target)) {
      throw new IllegalArgumentException("a country does not impose tariffs on itself: " + imposer);
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    if (quote == null || quote.isBlank()) {
      throw new IllegalArgumentException("quote must not be blank: " + quote);
    }
    if (ratePercent != null && (ratePercent < 0 || ratePercent.isNaN())) {
      throw new IllegalArgumentException("rate must not be negative: " + ratePercent);
    }
    cue = cue == null ? "" : cue;
  }

  /** When the event counts: its effective date, else its article's date. */
  public LocalDate when() {
    return effective != null ? effective : source.published();
  }

  /** The combined level of stacked rates: stated, else the rate plus its base, else null. */
  public Double combinedPercent() {
    if (totalPercent != null) {
      return totalPercent;
    }
    if (ratePercent != null && basePercent != null) {
      return ratePercent + basePercent;
    }
    return null;
  }

  /** Whether {@link #combinedPercent()} is computed here rather than stated by the source. */
  public boolean combinedComputed() {
    return totalPercent == null && combinedPercent() != null;
  }

  /** The level this event sets: the combined level when rates stack, else the rate, or null. */
  public Double levelPercent() {
    Double c = combinedPercent();
    return c != null ? c : ratePercent;
  }

  /** Whether this event sets a level: a rate in effect, announced or reduced to. */
  public boolean setsLevel() {
    return ratePercent != null
        && (status == TariffTimeline.Status.IN_EFFECT
            || status == TariffTimeline.Status.ANNOUNCED
            || status == TariffTimeline.Status.REDUCED);
  }

  /**
   * The amount of goods its coverage names ("on $250bn of goods"): the money figure ingestion
   * extracted from its sentence that lies in the coverage, or empty.
   */
  Optional<Double> coveredAmount() {
    if (coverage == null || span == null) {
      return Optional.empty();
    }
    return span.figures().stream()
        .filter(
            f ->
                f.kind() == Figure.Kind.MONEY
                    && coverage.contains(BLANKS.matcher(f.text()).replaceAll(" ")))
        .map(Figure::value)
        .findFirst();
  }

  private static final Pattern BLANKS = Pattern.compile("\\s+");

  /** The direction "US-CN". */
  public String direction() {
    return imposer + "-" + target;
  }

  /** This event stacked on {@code earlier}'s level. */
  TariffEvent stackedOn(TariffEvent earlier) {
    return with(earlier.levelPercent(), earlier, span);
  }

  /** This event with the article's sentence it was read from. */
  TariffEvent in(Sentence articleSentence) {
    return with(basePercent, base, articleSentence);
  }

  private TariffEvent with(Double newBasePercent, TariffEvent newBase, Sentence newSpan) {
    return new TariffEvent(
        imposer,
        target,
        status,
        ratePercent,
        rateText,
        rateLowPercent,
        fromPercent,
        newBasePercent,
        stackText,
        totalPercent,
        stacksOnExisting,
        newBase,
        coverage,
        effective,
        cue,
        source,
        quote,
        sentence,
        newSpan);
  }

  /** The level this event changed from, as an event of its own (in effect until this one). */
  TariffEvent priorLevel() {
    return new TariffEvent(
        imposer,
        target,
        TariffTimeline.Status.IN_EFFECT,
        fromPercent,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        coverage,
        null,
        "from",
        source,
        quote,
        sentence,
        span);
  }
}
