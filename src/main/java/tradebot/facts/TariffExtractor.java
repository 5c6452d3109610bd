package tradebot.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.config.Vocabulary;
import tradebot.knowledge.Document;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

/**
 * Reads tariff events from sentences. A sentence is cut into one clause per tariff word ("Beijing
 * hiked tariffs on all US goods to 125%, | mirroring a move by the White House that pushed duties
 * on Chinese imports to the same level"); each clause gives its imposer and target (who acts, whose
 * goods are covered), rate, coverage, status (the cue nearest the tariff word) and effective date.
 * All words come from {@link TariffCues} and the vocabulary; nothing here knows an article.
 * Thread-safe.
 */
final class TariffExtractor {
  private static final Pattern SEPARATOR = Pattern.compile("[,;:\u2014\u2013(]|\\s-\\s");
  private static final Pattern CONJUNCTION =
      Pattern.compile("\\s(?:and|while|but|whereas|after|as)\\s", Pattern.CASE_INSENSITIVE);

  private static final Pattern SHORT_NOUN_PHRASE =
      Pattern.compile(
          "(?!(?:a|an|the|this|that|these|those|its|their|his|her|our|any|some)\\s)[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,3}",
          Pattern.CASE_INSENSITIVE);

  private final TariffCues cues;
  private final Countries countries;
  private final EffectiveDates dates;
  private final Rates rates;
  private final Coverage coverage;
  private final Phrases.Cue nouns;
  private final Phrases.Cue hypothetical;
  private final Phrases.Cue conditional;
  private final Phrases.Cue globalScope;
  private final Phrases.Cue stacking;
  private final StatusCues status;
  private final Continuation continuation;

  TariffExtractor(Vocabulary vocabulary, TariffCues cues) {
    this.cues = cues;
    this.countries = new Countries(vocabulary, cues);
    this.dates = new EffectiveDates(cues);
    this.rates = new Rates(cues);
    this.coverage = new Coverage(cues);
    this.nouns = Phrases.Cue.of(cues.tariffNouns());
    this.hypothetical = Phrases.Cue.of(cues.hypothetical());
    this.conditional = Phrases.Cue.of(cues.conditional());
    this.globalScope = Phrases.Cue.of(cues.globalScope());
    this.stacking = Phrases.Cue.of(cues.stacking());
    this.status = new StatusCues(cues);
    this.continuation = new Continuation(cues, status, dates, rates);
  }

  Countries countries() {
    return countries;
  }

  /** The events of every sentence of {@code document}, in reading order, repeats dropped. */
  List<TariffEvent> extract(Document document) {
    return withoutRepeats(readAll(document));
  }

  /**
   * The events of every sentence of {@code document}, in reading order, a sentence that restates an
   * earlier one's event included.
   */
  List<TariffEvent> readAll(Document document) {
    List<TariffEvent> out = new ArrayList<>();
    TariffEvent last = null;
    List<Sentence> sentences = document.sentences();
    for (int i = 0; i < sentences.size(); i++) {
      for (TariffEvent read : extract(document.source(), sentences.get(i).text(), i, last)) {
        TariffEvent e = read.in(sentences.get(i));
        last = e;
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The events with each repeat of an earlier one (same direction, status, rate, goods and date)
   * dropped.
   */
  static List<TariffEvent> withoutRepeats(List<TariffEvent> events) {
    List<TariffEvent> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TariffEvent e : events) {
      String key =
          e.direction()
              + "|"
              + e.status()
              + "|"
              + e.ratePercent()
              + "|"
              + e.coverage()
              + "|"
              + e.effective();
      if (seen.add(key)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The events of one sentence.
   *
   * @param index the sentence's index in its article
   * @param previous the article's event before this sentence, which a sentence without a tariff
   *     word may continue ("The US suspended the planned increase."), or null
   */
  List<TariffEvent> extract(Source source, String s, int index, TariffEvent previous) {
    List<Countries.Mention> mentions = null; // found when needed: most sentences have no tariff
    List<int[]> anchors = new ArrayList<>();
    Matcher m = nouns.words().mayOccur(s, 0, s.length()) ? nouns.pattern().matcher(s) : null;
    while (m != null && m.find()) {
      if (mentions == null) {
        mentions = countries.find(s, 0, s.length());
      }
      int a = m.start();
      int b = m.end();
      boolean inName = false;
      for (Countries.Mention x : mentions) {
        inName |= x.start() < b && a < x.end();
      }
      // "on top of any tariff they pay": the base of the tariff before, not a tariff of its own.
      boolean base = !anchors.isEmpty() && stacking.occurs(s, Math.max(0, a - 30), a);
      if (!inName && !base) {
        anchors.add(new int[] {a, b});
      }
    }
    if (anchors.isEmpty()) {
      TariffEvent e =
          previous == null
              ? null
              : continuation.of(
                  source,
                  s,
                  index,
                  mentions != null ? mentions : countries.find(s, 0, s.length()),
                  previous);
      return e == null ? List.of() : List.of(e);
    }
    List<TariffEvent> out = new ArrayList<>();
    int start = 0;
    int[] anchor = anchors.getFirst();
    for (int k = 0; k < anchors.size(); k++) {
      int end = lastClauseEnd(s, anchors.get(k)[1]);
      if (k + 1 < anchors.size()) {
        int split = split(s, anchors.get(k)[1], anchors.get(k + 1)[0]);
        if (split < 0) {
          continue; // "tariffs and duties on ...": one clause
        }
        end = split;
      }
      Clause c = new Clause(s, start, end, anchor[0], anchor[1], mentions);
      out.addAll(clause(source, c, index, out.isEmpty() ? null : out.getLast()));
      start = end;
      if (k + 1 < anchors.size()) {
        anchor = anchors.get(k + 1);
      }
    }
    return out;
  }

  /**
   * Where the clause of the sentence's last tariff word ends: at the first semicolon after it ("4
   * Mar: US fentanyl tariff doubles to 20%; China hits US farm goods with 10-15%"), which starts a
   * clause of its own, else at the sentence's end.
   */
  private static int lastClauseEnd(String s, int anchorEnd) {
    int semicolon = s.indexOf(';', anchorEnd);
    return semicolon < 0 ? s.length() : semicolon;
  }

  /** Where the clause of one tariff word ends and the next begins, or -1 when they share one. */
  private static int split(String s, int from, int to) {
    int at = -1;
    Matcher sep = SEPARATOR.matcher(s).region(from, to);
    while (sep.find()) {
      at = sep.end();
    }
    if (at >= 0) {
      return at;
    }
    Matcher conj = CONJUNCTION.matcher(s).region(from, to);
    while (conj.find()) {
      at = conj.start() + 1;
    }
    return at;
  }

  /** A clause of a sentence around one tariff word. */
  record Clause(
      String s,
      int start,
      int end,
      int anchorStart,
      int anchorEnd,
      List<Countries.Mention> mentions) {}

  private List<TariffEvent> clause(Source source, Clause c, int index, TariffEvent before) {
    String s = c.s();
    if (hypothetical.occurs(s, c.start(), c.end())) {
      return List.of();
    }
    Rates.Parsed parsed = rates.parse(s, c.start(), c.end());
    Coverage.Span money = coverage.money(s, c.start(), c.end());
    List<Rates.Rate> chosen = chooseRates(parsed, s);
    Rates.Rate rate = chosen.isEmpty() ? null : chosen.getFirst();
    String sameText = null;
    Double same = null;
    if (rate == null
        && parsed.sameLevel() != null
        && before != null
        && before.ratePercent() != null) {
      same = before.ratePercent();
      sameText = parsed.sameLevel();
    }
    boolean hasFigure = rate != null || same != null || money != null;
    StatusCues.Cue cue = status.nearest(s, c, hasFigure);
    if (!hasFigure
        && (cue == null || cue.status() != TariffTimeline.Status.SUSPENDED || cue.noun())) {
      return List.of();
    }
    List<TariffEvent> out = new ArrayList<>();
    for (int i = 0; i < Math.max(1, chosen.size()); i++) {
      Rates.Rate r = chosen.isEmpty() ? null : chosen.get(i);
      int onFrom = r != null && chosen.size() > 1 ? r.end() : c.anchorEnd();
      int onTo = r != null && i + 1 < chosen.size() ? chosen.get(i + 1).start() : c.end();
      Coverage.Span on = coverage.on(s, onFrom, onTo);
      Coverage.Span own = chosen.size() > 1 ? coverage.money(s, onFrom, onTo) : money;
      Coverage.Span covered = own != null ? own : namesGoods(on, c) ? on : null;
      TariffEvent e =
          event(source, c, index, cue, parsed, r, same, sameText, covered, own, on, hasFigure);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** The rates of the clause: one, or one per "X% on ..." when the clause lists several. */
  static List<Rates.Rate> chooseRates(Rates.Parsed parsed, String s) {
    List<Rates.Rate> rs = parsed.rates();
    if (rs.size() > 1 && rs.stream().allMatch(r -> s.startsWith(" on ", r.end()))) {
      return rs;
    }
    for (Rates.Rate r : rs) {
      if (r.toForm()) {
        return List.of(r);
      }
    }
    return rs.isEmpty() ? List.of() : List.of(rs.getFirst());
  }

  private TariffEvent event(
      Source source,
      Clause c,
      int index,
      StatusCues.Cue cue,
      Rates.Parsed parsed,
      Rates.Rate rate,
      Double same,
      String sameText,
      Coverage.Span covered,
      Coverage.Span money,
      Coverage.Span on,
      boolean hasFigure) {
    String s = c.s();
    Roles roles = new Roles(coverage);
    String target = roles.target(c, money, on);
    String imposer = roles.imposer(c, target);
    if (imposer == null && target == null) {
      return null; // no side named: a default alone proves nothing (and has nothing to look up)
    }
    if (target == null && globalScope.occurs(s, c.start(), c.end())) {
      return null;
    }
    if (imposer == null) {
      imposer = cues.defaultCounterparts().get(target);
    }
    if (target == null) {
      target = cues.defaultCounterparts().get(imposer);
    }
    if (imposer == null || target == null || imposer.equals(target)) {
      return null;
    }
    TariffTimeline.Status st = cue == null ? TariffTimeline.Status.IN_EFFECT : cue.status();
    if ((cue == null || st == TariffTimeline.Status.ANNOUNCED)
        && conditional.occurs(s, c.start(), c.end())) {
      st = TariffTimeline.Status.THREATENED;
    }
    boolean future =
        st == TariffTimeline.Status.ANNOUNCED
            || st == TariffTimeline.Status.THREATENED
            || status.occurs(TariffTimeline.Status.ANNOUNCED, s, c.start(), c.end());
    LocalDate published = source.published();
    LocalDate effective = dates.find(s, c.start(), c.end(), c.anchorStart(), future, published);
    if (st == TariffTimeline.Status.SUSPENDED
        && effective != null
        && effective.isAfter(published)) {
      effective = null; // "suspend an increase scheduled for Tuesday": Tuesday dates the plan
    }
    // A plan whose date has passed is in effect; a rate "in effect" from a later date is a plan.
    if (st == TariffTimeline.Status.ANNOUNCED
        && effective != null
        && effective.isBefore(published)) {
      st = TariffTimeline.Status.IN_EFFECT;
    } else if (st == TariffTimeline.Status.IN_EFFECT
        && effective != null
        && effective.isAfter(published)) {
      st = TariffTimeline.Status.ANNOUNCED;
    }
    Double ratePercent = rate != null ? Double.valueOf(rate.value()) : same;
    String rateText = rate != null ? rate.text() : sameText;
    return new TariffEvent(
        imposer,
        target,
        st,
        ratePercent,
        rateText,
        rate == null ? null : rate.low(),
        parsed.from() == null ? null : parsed.from().value(),
        parsed.base() == null ? null : parsed.base().value(),
        parsed.stackText(),
        parsed.total() == null ? null : parsed.total().value(),
        parsed.stacksOnExisting() && ratePercent != null,
        null,
        covered == null ? null : covered.text(),
        effective,
        cue == null ? "" : cue.text(),
        source,
        s,
        index,
        null);
  }

  /** Whether an "on ..." phrase names goods ("all US goods", "US crude") rather than "a deal". */
  private boolean namesGoods(Coverage.Span on, Clause c) {
    if (on == null) {
      return false;
    }
    return coverage.namesGoods(on)
        || c.mentions().stream().anyMatch(m -> m.start() >= on.start() && m.end() <= on.end())
        || SHORT_NOUN_PHRASE.matcher(on.text()).matches(); // "electric vehicles", not "a deal"
  }
}
