package tradebot.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tradebot.config.Vocabulary;
import tradebot.knowledge.Document;

/**
 * Tariff events extracted from the knowledge base at ingestion, in date order, and the latest level
 * each way as of a clock's today: the most recent level in effect or announced to take effect (by
 * effective date, else by the article's date) by then, threats and levels announced for a later day
 * pending beside it, sources of about the same date that disagree shown with it. Immutable and
 * thread-safe.
 */
public final class TariffTimeline {
  /** Where a tariff stands in the sentence that reports it. */
  public enum Status {
    IN_EFFECT("in_effect", "in effect"),
    ANNOUNCED("announced", "announced"),
    THREATENED("threatened", "threatened"),
    REDUCED("reduced", "reduced"),
    SUSPENDED("suspended", "suspended");

    private final String label;
    private final String text;

    Status(String label, String text) {
      this.label = label;
      this.text = text;
    }

    /** The name used in JSON and config ("in_effect"). */
    public String label() {
      return label;
    }

    /** The name for people ("in effect"). */
    public String text() {
      return text;
    }

    /**
     * The status named {@code label} ("in_effect", "in effect" or "IN_EFFECT").
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Status fromLabel(String label) {
      for (Status s : values()) {
        if (s.label.equalsIgnoreCase(label)
            || s.text.equalsIgnoreCase(label)
            || s.name().equalsIgnoreCase(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown tariff status: " + label);
    }
  }

  /** Who imposes tariffs on whom, as ISO codes. */
  public record Direction(String imposer, String target) {
    public Direction {
      Objects.requireNonNull(imposer, "imposer");
      Objects.requireNonNull(target, "target");
    }

    /** "US-CN". */
    public String label() {
      return imposer + "-" + target;
    }
  }

  /**
   * The latest level of one direction.
   *
   * @param direction who on whom
   * @param level the latest level event (a derived event when a planned change was suspended and
   *     the level fell back; a suspension when the level in effect was suspended), or null when
   *     only threats are known
   * @param replaced the level a suspension suspended, or null
   * @param disagreeing levels from other sources of about the same date that give another figure
   * @param pending what is not in effect, in date order: threats made since the level (or ever,
   *     when there is none) and levels announced for a day after the standing's day
   * @param cancellations suspensions that cancelled a planned change
   */
  public record Standing(
      Direction direction,
      TariffEvent level,
      TariffEvent replaced,
      List<TariffEvent> disagreeing,
      List<TariffEvent> pending,
      List<TariffEvent> cancellations) {
    public Standing {
      Objects.requireNonNull(direction, "direction");
      disagreeing = List.copyOf(disagreeing);
      pending = List.copyOf(pending);
      cancellations = List.copyOf(cancellations);
    }

    /**
     * The day the level holds from: its effective date when its article gives one, else the
     * article's date; null when only threats are known.
     */
    public LocalDate asOf() {
      return level == null ? null : level.when();
    }
  }

  /**
   * A question about a tariff level, as {@link #read} reads it.
   *
   * @param direction who imposes on whom
   * @param kind a level as of a day, or how the level changed over a period
   * @param from for a change, the day before the period (the level then is where it starts); for a
   *     level, the day of the event the question names ("under the Geneva deal"), or null
   * @param to the day the level is asked as of, or the period's last day
   * @param when how the question named the time ("in April 2025"), or "" for today or a period
   * @param goods the question's words that narrow the tariff ("fentanyl", "steel"): a level counts
   *     only from sentences that hold them all
   * @param amount the value of the goods the question names ("the $200 billion of Chinese goods"):
   *     a level counts only from sentences that name the same amount; null for all goods
   */
  public record Query(
      Direction direction,
      Kind kind,
      LocalDate from,
      LocalDate to,
      String when,
      List<String> goods,
      Double amount) {
    /** What the question asks. */
    public enum Kind {
      LEVEL,
      CHANGE
    }

    public Query {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(to, "to");
      goods = List.copyOf(goods);
    }
  }

  /** One level of a direction over time: from {@code date}, set by {@code event}. */
  public record Level(LocalDate date, double percent, TariffEvent event) {}

  /** Timeline order: by date (effective, else published), then article date, article, sentence. */
  static final Comparator<TariffEvent> ORDER =
      Comparator.comparing(TariffEvent::when)
          .thenComparing(e -> e.source().published())
          .thenComparing(e -> e.source().id())
          .thenComparingInt(TariffEvent::sentence);

  private final List<TariffEvent> events;
  private final Countries countries;
  private final TariffCues cues;

  private final TariffQuestions questions;

  /** The directions of the tariffs read in each sentence, restatements included. */
  private final Map<SentenceAt, Set<Direction>> directionsBySentence;

  /** A sentence of an article: the article's id and where the sentence starts in its body. */
  private record SentenceAt(String articleId, int start) {}

  private TariffTimeline(
      List<TariffEvent> events,
      Map<SentenceAt, Set<Direction>> directionsBySentence,
      Countries countries,
      TariffCues cues) {
    this.events = List.copyOf(events);
    this.directionsBySentence = Map.copyOf(directionsBySentence);
    this.countries = countries;
    this.cues = cues;
    this.questions = new TariffQuestions(cues, countries);
  }

  /**
   * Who imposes the tariffs the extractor read in the sentence of article {@code articleId} that
   * starts at {@code start} in its body, on whom: a sentence that restates an earlier one's tariff
   * included. Empty when it read none there.
   */
  public Set<Direction> directionsAt(String articleId, int start) {
    return directionsBySentence.getOrDefault(new SentenceAt(articleId, start), Set.of());
  }

  /**
   * Who imposes the tariff {@code question} speaks of on whom, read as {@link #read} reads it, or
   * empty when it names no tariff or no side.
   */
  public Optional<Direction> directionAsked(String question) {
    return questions.direction(question);
  }

  /**
   * Extracts the tariff events of {@code documents} with the cues of {@code config/tariffs.yaml}.
   */
  public static TariffTimeline build(
      List<Document> documents, Vocabulary vocabulary, TariffCues cues) {
    Builder builder = builder(vocabulary, cues);
    documents.forEach(builder::add);
    return builder.build();
  }

  /**
   * A timeline built one document at a time, so that a large knowledge base need not be held in
   * memory: each document's events are extracted as it is added. Documents of distinct ids give the
   * same timeline as {@link #build} in whatever order they are added.
   */
  public static Builder builder(Vocabulary vocabulary, TariffCues cues) {
    return new Builder(new TariffExtractor(vocabulary, cues), cues);
  }

  /**
   * Collects events document by document; {@link #build} orders them. {@link #extract} is
   * thread-safe (extraction can run where documents are made); {@link #add} and {@link #build} are
   * not.
   */
  public static final class Builder {
    private final TariffExtractor extractor;
    private final TariffCues cues;
    private final List<TariffEvent> all = new ArrayList<>();
    private final Map<SentenceAt, Set<Direction>> directions = new HashMap<>();

    private Builder(TariffExtractor extractor, TariffCues cues) {
      this.extractor = extractor;
      this.cues = cues;
    }

    /** The events of one document, extracted but not yet added. Thread-safe. */
    public Extracted extract(Document document) {
      List<TariffEvent> read = extractor.readAll(document);
      Map<SentenceAt, Set<Direction>> bySentence = new HashMap<>();
      for (TariffEvent e : read) {
        if (e.span() != null) {
          bySentence
              .computeIfAbsent(
                  new SentenceAt(e.source().id(), e.span().start()), k -> new HashSet<>())
              .add(new Direction(e.imposer(), e.target()));
        }
      }
      bySentence.replaceAll((k, v) -> Set.copyOf(v));
      return new Extracted(TariffExtractor.withoutRepeats(read), bySentence);
    }

    /** Extracts and adds the events of one document. */
    public void add(Document document) {
      add(extract(document));
    }

    /** Adds the events of one document extracted by {@link #extract}. */
    public void add(Extracted extracted) {
      all.addAll(extracted.events);
      directions.putAll(extracted.directions);
    }

    /** The timeline of every document added so far. */
    public TariffTimeline build() {
      List<TariffEvent> sorted = new ArrayList<>(all);
      // Events of one sentence tie: a stable sort keeps each document's reading order.
      sorted.sort(ORDER);
      for (int i = 0; i < sorted.size(); i++) {
        TariffEvent e = sorted.get(i);
        if (e.stacksOnExisting() && e.basePercent() == null && e.totalPercent() == null) {
          for (int j = i - 1; j >= 0; j--) {
            TariffEvent earlier = sorted.get(j);
            if (earlier.direction().equals(e.direction())
                && earlier.setsLevel()
                && earlier.when().isBefore(e.when())) {
              sorted.set(i, e.stackedOn(earlier)); // "on top of existing tariffs": the level before
              break;
            }
          }
        }
      }
      return new TariffTimeline(sorted, directions, extractor.countries(), cues);
    }
  }

  /** The tariff events of one document, made by {@link Builder#extract}. Immutable. */
  public static final class Extracted {
    private final List<TariffEvent> events;
    private final Map<SentenceAt, Set<Direction>> directions;

    private Extracted(List<TariffEvent> events, Map<SentenceAt, Set<Direction>> directions) {
      this.events = List.copyOf(events);
      this.directions = Map.copyOf(directions);
    }

    /** How many events the document gave. */
    public int size() {
      return events.size();
    }
  }

  /** How many events the timeline holds. */
  public int size() {
    return events.size();
  }

  /** Every event, in date order. */
  public List<TariffEvent> events() {
    return events;
  }

  /**
   * The events of articles published by {@code clock}'s today, in date order, of one direction or
   * all (null).
   */
  public List<TariffEvent> history(Clock clock, Direction direction) {
    LocalDate today = LocalDate.now(clock);
    return events.stream()
        .filter(e -> !e.source().published().isAfter(today))
        .filter(e -> direction == null || e.direction().equals(direction.label()))
        .toList();
  }

  /**
   * The latest level of every direction the articles published by {@code clock}'s today speak of,
   * in display order.
   */
  public List<Standing> latest(Clock clock) {
    return directions().stream()
        .map(d -> result(d, clock).standing())
        .filter(TariffTimeline::known)
        .toList();
  }

  /** The latest level of {@code direction} as of {@code clock}'s today, if anything is known. */
  public Optional<Standing> latest(Clock clock, Direction direction) {
    if (!directions().contains(direction)) {
      return Optional.empty();
    }
    return Optional.of(result(direction, clock).standing()).filter(TariffTimeline::known);
  }

  private static boolean known(Standing s) {
    return s.level() != null || !s.pending().isEmpty() || !s.cancellations().isEmpty();
  }

  /**
   * The tariff question {@code question} asks, if it is one: a level of a direction as of a day, or
   * its change over a period (see {@link TariffQuestions}).
   *
   * @param topic the question's content words (stop words gone)
   * @param today the day "now" means
   */
  public Optional<Query> read(String question, List<String> topic, LocalDate today) {
    return questions.read(question, topic, today, events);
  }

  /**
   * The standing of the query's direction as of its day, from the sentences that hold all its goods
   * words; empty when they give no level (nor a suspension of a known one).
   */
  public Optional<Standing> standing(Query query) {
    Standing s = narrowed(query).standing();
    TariffEvent e = s.level();
    boolean known =
        e != null
            && (e.levelPercent() != null
                || (e.status() == Status.SUSPENDED
                    && s.replaced() != null
                    && s.replaced().levelPercent() != null));
    return known ? Optional.of(s) : Optional.empty();
  }

  /**
   * The first day {@code direction} has a tariff on record, whatever its goods, or empty when it
   * has none: a level asked for before it is one the sources do not give.
   */
  public Optional<LocalDate> firstOnRecord(Direction direction) {
    return of(direction).map(TariffEvent::when).min(LocalDate::compareTo);
  }

  /**
   * The level of a standing as {@code /tariff} states it: "145% (125% on top of an existing 20%,
   * computed)", or "suspended (was 10%)".
   */
  public String levelText(Standing s) {
    return TariffText.standingLevel(s);
  }

  /**
   * The levels of the query's direction over its period, in date order: the level in effect on its
   * {@code from} day (if any), then each change up to its {@code to} day; one level a day (the
   * last), and a step that repeats the level before it is left out.
   */
  public List<Level> changes(Query query) {
    List<Level> out = new ArrayList<>();
    for (Standings.Step step : narrowed(query).steps()) {
      if (step.date().isAfter(query.to())) {
        break;
      }
      Level level = new Level(step.date(), step.percent(), step.event());
      if (query.from() != null && !step.date().isAfter(query.from())) {
        out.clear(); // only the last level before the period counts: where it starts
      }
      if (!out.isEmpty() && out.getLast().date().equals(level.date())) {
        out.removeLast(); // one level a day: the day's last word, as the standing takes it
      }
      if (out.isEmpty() || out.getLast().percent() != level.percent()) {
        out.add(level);
      }
    }
    return out;
  }

  /**
   * The query's direction worked out from the sentences with all its goods words: as of today from
   * what was published by then; for a named time or a period, from every article, up to the level
   * in effect or announced on its day ("in April 2025" takes in an article of May that tells what
   * was done in April).
   */
  private Standings.Result narrowed(Query q) {
    boolean past = q.kind() == Query.Kind.CHANGE || !q.when().isEmpty() || q.from() != null;
    List<TariffEvent> mine = about(q).filter(e -> !past || !e.when().isAfter(q.to())).toList();
    return Standings.of(
        q.direction(),
        mine,
        past ? LocalDate.MAX : q.to(),
        cues.sameDateDays(),
        cues.planWindowDays());
  }

  /** The events of the query's direction that have all its goods words. */
  private java.util.stream.Stream<TariffEvent> about(Query q) {
    List<Pattern> goods = q.goods().stream().map(TariffQuestions::wordStart).toList();
    return of(q.direction())
        .filter(e -> goods.isEmpty() || mentionsAll(e, goods))
        .filter(e -> q.amount() == null || covers(e, q.amount()));
  }

  /** The events of {@code d}. */
  private java.util.stream.Stream<TariffEvent> of(Direction d) {
    return events.stream().filter(e -> e.direction().equals(d.label()));
  }

  /** Whether the event's sentence names goods worth {@code amount} ("$200 billion"). */
  private static boolean covers(TariffEvent e, double amount) {
    return e.span() != null
        && e.span().figures().stream()
            .anyMatch(
                f ->
                    f.kind() == tradebot.knowledge.Figure.Kind.MONEY
                        && Amounts.same(f.value(), amount));
  }

  /** Whether the event's sentence or coverage has every word the patterns find. */
  private static boolean mentionsAll(TariffEvent e, List<Pattern> words) {
    String text =
        (e.quote() + " " + (e.coverage() == null ? "" : e.coverage())).toLowerCase(Locale.ROOT);
    return words.stream().allMatch(p -> p.matcher(text).find());
  }

  /** The level steps of {@code direction} up to {@code clock}'s today, for the chart. */
  List<Standings.Step> steps(Clock clock, Direction direction) {
    return result(direction, clock).steps();
  }

  private Standings.Result result(Direction d, Clock clock) {
    List<TariffEvent> mine = of(d).toList();
    return Standings.of(d, mine, LocalDate.now(clock), cues.sameDateDays(), cues.planWindowDays());
  }

  /** The directions of the events: those of the display order first, the rest alphabetically. */
  public List<Direction> directions() {
    Set<String> present = new LinkedHashSet<>();
    events.stream().map(TariffEvent::direction).sorted().forEach(present::add);
    List<Direction> out = new ArrayList<>();
    for (String label : cues.displayOrder()) {
      if (present.remove(label.toUpperCase(Locale.ROOT))) {
        out.add(parseLabel(label.toUpperCase(Locale.ROOT)));
      }
    }
    present.forEach(label -> out.add(parseLabel(label)));
    return out;
  }

  private static Direction parseLabel(String label) {
    int dash = label.indexOf('-');
    return new Direction(label.substring(0, dash), label.substring(dash + 1));
  }

  /**
   * The direction {@code spec} names: "us-china", "china-us", "US-CN", "mexico-china".
   *
   * @throws IllegalArgumentException naming the spec when a side is not a known country
   */
  public Direction direction(String spec) {
    String[] parts = spec == null ? new String[0] : spec.strip().split("\\s*-\\s*|\\s+on\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "direction must be IMPOSER-TARGET, e.g. us-china or china-us: " + spec);
    }
    String imposer = countries.iso(parts[0]);
    String target = countries.iso(parts[1]);
    if (imposer == null || target == null || imposer.equals(target)) {
      throw new IllegalArgumentException(
          "unknown direction (use two different countries, e.g. us-china or china-us): " + spec);
    }
    return new Direction(imposer, target);
  }

  /** The name to show for an ISO code ("China" for CN). */
  public String name(String iso) {
    return countries.display(iso);
  }

  /** "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11". */
  public String summary(Standing s) {
    return TariffText.summary(this, s);
  }

  /** A pending threat or planned level: "US on China: 100%, threatened 2025-11-02, on ...". */
  public String pendingText(TariffEvent e) {
    return TariffText.pending(this, e);
  }

  /** The level an event sets, with how it is made up ("145% (125% on top of ..., computed)"). */
  public String levelText(TariffEvent e) {
    return TariffText.level(e);
  }

  /** "125%", "7.5%". */
  public static String percent(double value) {
    return TariffText.pct(value);
  }

  /** One line of the history table. */
  public String line(TariffEvent e) {
    return TariffText.line(this, e);
  }

  /** The JSON of {@code tariff --json}: latest levels, pending threats and the history. */
  public String json(Clock clock, Direction direction) {
    return TariffJson.render(this, clock, direction);
  }

  /** A PNG step chart of every direction (or one) over time, {@code width} by {@code height}. */
  public byte[] chart(Clock clock, Direction direction, int width, int height) {
    return TariffChart.render(this, clock, direction, width, height);
  }
}
