package tradebot.answer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Sentence;

/**
 * Answers a question about a tariff level from the tariff timeline that {@code /tariff} uses, so
 * that the two never disagree: the level of the direction asked about as of the day asked about
 * (today, a named month or year), or each level over a period, every one cited with the sentence
 * the timeline read it from. Empty when the question is not about a level, or the timeline holds
 * nothing for it: the ranking answers then. Thread-safe.
 */
final class TariffAnswers {
  /** Questions that ask for a person, a date, a reason or words said are not about a level. */
  private static final Set<QuestionType> LEVEL_TYPES =
      EnumSet.of(QuestionType.FIGURE, QuestionType.WHAT, QuestionType.WHERE);

  /** The longest chat shorthand: an unknown word this short is no goods' name. */
  private static final int SHORTHAND = 3;

  private final TariffTimeline timeline;
  private final int maxCitations;

  private final String beforeRecord;

  /**
   * @param beforeRecord what to say when the level asked for is older than any on record, with
   *     {direction}, {date} and {first}
   */
  TariffAnswers(TariffTimeline timeline, int maxCitations, String beforeRecord) {
    this.timeline = timeline;
    this.maxCitations = maxCitations;
    this.beforeRecord = beforeRecord;
  }

  /** The query {@code question} asks the timeline, if it asks one. */
  Optional<TariffTimeline.Query> query(Question question, LocalDate today) {
    if (!LEVEL_TYPES.contains(question.type())
        || !(question.wantedFigures().isEmpty()
            || question.wantedFigures().contains(Figure.Kind.PERCENT))) {
      return Optional.empty();
    }
    // Chat shorthand ("atm", "wat"): a word no article has and too short to be corrected says
    // nothing about the goods; a longer unknown word ("dairy") is goods the sources do not cover.
    List<String> topic =
        question.concepts().stream()
            .filter(c -> !c.fuzzy() || corrected(c) || c.text().length() > SHORTHAND)
            .map(TariffAnswers::word)
            .toList();
    return timeline.read(corrected(question), topic, today);
  }

  /** The concept's word as the analyzer corrected it ("american" for "amercian"). */
  private static String word(Question.Concept c) {
    return corrected(c) ? c.alternatives().getFirst() : c.text();
  }

  private static boolean corrected(Question.Concept c) {
    return !c.alternatives().contains(c.text().toLowerCase(Locale.ROOT))
        && c.text().matches("[\\p{L}]+")
        && c.alternatives().getFirst().matches("[\\p{L}]+");
  }

  /**
   * The question with each word the analyzer corrected ("amercian") written as corrected
   * ("american"), so that the timeline reads the same words the ranking does.
   */
  static String corrected(Question question) {
    String text = question.text();
    for (Question.Concept c : question.concepts()) {
      if (corrected(c)) {
        text = text.replaceAll("(?<![\\p{L}])" + Pattern.quote(c.text()) + "(?![\\p{L}])", word(c));
      }
    }
    return text;
  }

  /** What the timeline says to a question about a tariff level. */
  sealed interface Tracked {
    /** The level or its changes, cited. */
    record Level(Answer.Answered answer) implements Tracked {}

    /**
     * No level on record as of {@code day}, the day asked about: the direction's first is later;
     * {@code message} says so.
     */
    record BeforeRecord(LocalDate day, String message) implements Tracked {}
  }

  /**
   * The timeline's answer to {@code question}, if it has one: the level or its changes, or, for a
   * day before the direction's first level on record, that the sources give none then.
   */
  Optional<Tracked> answer(Question question, LocalDate today, String note, Duration took) {
    Optional<TariffTimeline.Query> query = query(question, today);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> first = timeline.firstOnRecord(query.get().direction());
    if (first.isPresent() && query.get().to().isBefore(first.get())) {
      TariffTimeline.Direction d = query.get().direction();
      String message =
          beforeRecord
              .replace(
                  "{direction}", timeline.name(d.imposer()) + " on " + timeline.name(d.target()))
              .replace("{date}", query.get().to().toString())
              .replace("{first}", first.get().toString());
      return Optional.of(new Tracked.BeforeRecord(query.get().to(), message));
    }
    Built built =
        query.get().kind() == TariffTimeline.Query.Kind.LEVEL
            ? level(query.get())
            : change(query.get());
    if (built == null || built.citations.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Tracked.Level(
            new Answer.Answered(
                question.text(),
                note,
                built.lead.toString(),
                QuestionType.FIGURE,
                built.citations,
                built.figures,
                1.0,
                took)));
  }

  /** A lead and its citations, built up. */
  private final class Built {
    final StringBuilder lead = new StringBuilder();
    final List<Answer.Citation> citations = new ArrayList<>();
    final List<Answer.CitedFigure> figures = new ArrayList<>();

    /** Cites the sentence of {@code e}; false when there is no room or nothing to cite. */
    boolean cite(TariffEvent e) {
      Sentence s = e.span();
      if (s == null || citations.size() == maxCitations) {
        return false;
      }
      for (Answer.Citation c : citations) {
        if (c.source().equals(e.source()) && c.start() == s.start()) {
          return true; // already quoted
        }
      }
      int n = citations.size() + 1;
      citations.add(new Answer.Citation(n, e.source(), s.text(), s.start(), s.end()));
      s.figures().forEach(f -> figures.add(new Answer.CitedFigure(f, n)));
      return true;
    }
  }

  private String head(TariffTimeline.Query q) {
    TariffTimeline.Direction d = q.direction();
    return timeline.name(d.imposer())
        + " on "
        + timeline.name(d.target())
        + (q.amount() == null ? "" : " on " + worth(q.amount()) + " of goods")
        + (q.when().isEmpty() ? "" : " " + q.when())
        + ": ";
  }

  /** "$200 billion", "$34 billion", "$1.5 trillion", "$800 million". */
  private static String worth(double dollars) {
    java.text.DecimalFormat f =
        new java.text.DecimalFormat(
            "0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (dollars >= 1e12) {
      return "$" + f.format(dollars / 1e12) + " trillion";
    }
    if (dollars >= 1e9) {
      return "$" + f.format(dollars / 1e9) + " billion";
    }
    return "$" + f.format(dollars / 1e6) + " million";
  }

  /** "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11". */
  private Built level(TariffTimeline.Query q) {
    Optional<TariffTimeline.Standing> standing = timeline.standing(q);
    if (standing.isEmpty()) {
      return null;
    }
    TariffTimeline.Standing s = standing.get();
    TariffEvent e = s.level();
    Built b = new Built();
    if (!b.cite(e)) {
      return null;
    }
    b.lead.append(head(q)).append(timeline.levelText(s)).append(" as of ").append(e.when());
    if (e.base() != null) {
      b.cite(e.base());
    }
    for (TariffEvent d : s.disagreeing()) {
      if (b.cite(d)) {
        b.lead
            .append("; ")
            .append(d.source().outlet())
            .append(" gives ")
            .append(timeline.levelText(d))
            .append(" as of ")
            .append(d.when());
      }
    }
    for (TariffEvent t : s.pending()) {
      if (b.cite(t)) {
        // pending is threats and levels announced for a later day
        boolean threat = t.status() == TariffTimeline.Status.THREATENED;
        b.lead
            .append(threat ? "; threatened: " : "; pending: ")
            .append(timeline.levelText(t))
            .append(" (")
            .append(t.when())
            .append(")");
      }
    }
    return b;
  }

  /**
   * "US on China: 145% (2025-04-11) → 30% (2025-05-12) → about 47% (2025-11-02)": each level cited,
   * in date order; when there are more levels than citations, the first and the latest ones, with
   * "…" for the steps left out. A level that the next quote states as where it came from ("to 30%
   * from 145%") needs no quote (nor date) of its own, and where the first change states what it
   * changed from, that is where the period starts.
   */
  private Built change(TariffTimeline.Query q) {
    List<TariffTimeline.Level> levels = new ArrayList<>(timeline.changes(q));
    if (levels.size() < 2) {
      return null; // no change on record: the ranking may find a sentence that tells one
    }
    TariffEvent first = levels.get(1).event();
    if (first.fromPercent() != null) {
      // "to about 47% from about 57%": where the period starts is what the change's own article
      // says
      levels.set(0, new TariffTimeline.Level(levels.get(1).date(), first.fromPercent(), first));
    }
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      if (i == 0 || i >= levels.size() - (maxCitations - 1)) {
        shown.add(i);
      }
    }
    Built b = new Built();
    b.lead.append(head(q));
    int previous = -1;
    for (int i : shown) {
      TariffTimeline.Level l = levels.get(i);
      TariffEvent next = i + 1 < levels.size() ? levels.get(i + 1).event() : null;
      boolean toldByNext =
          shown.contains(i + 1) && next.fromPercent() != null && next.fromPercent() == l.percent();
      if (!toldByNext && !b.cite(l.event())) {
        break; // no room: the lead names only what is cited
      }
      if (previous >= 0) {
        b.lead.append(i == previous + 1 ? " → " : " → … → ");
      }
      boolean suspended = l.event().status() == TariffTimeline.Status.SUSPENDED && l.percent() == 0;
      b.lead.append(suspended ? "suspended" : TariffTimeline.percent(l.percent()));
      if (!toldByNext) {
        b.lead.append(" (").append(l.date()).append(")");
      }
      previous = i;
    }
    return b;
  }
}
