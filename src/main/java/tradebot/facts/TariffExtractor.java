package tradebot.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** How far before the tariff word a verb still governs it. */
  private static final int GOVERNS = 60;

  private static final Pattern MODAL_GAP =
      Pattern.compile("\\s+(?:\\p{L}+ly\\s+|also\\s+|then\\s+|soon\\s+|now\\s+)?");

  private static final Pattern SHORT_NOUN_PHRASE =
      Pattern.compile(
          "(?!(?:a|an|the|this|that|these|those|its|their|his|her|our|any|some)\\s)[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,3}",
          Pattern.CASE_INSENSITIVE);

  private final TariffCues cues;
  private final Countries countries;
  private final EffectiveDates dates;
  private final Rates rates;
  private final Coverage coverage;
  private final Pattern nouns;
  private final Pattern hypothetical;
  private final Pattern conditional;
  private final Pattern globalScope;
  private final Pattern suspensionNouns;
  private final Pattern suspensionObjects;
  private final Pattern stacking;
  private final Map<TariffTimeline.Status, Pattern> status =
      new EnumMap<>(TariffTimeline.Status.class);

  TariffExtractor(Vocabulary vocabulary, TariffCues cues) {
    this.cues = cues;
    this.countries = new Countries(vocabulary, cues);
    this.dates = new EffectiveDates(cues);
    this.rates = new Rates(cues);
    this.coverage = new Coverage(cues);
    this.nouns = Phrases.of(cues.tariffNouns());
    this.hypothetical = Phrases.of(cues.hypothetical());
    this.conditional = Phrases.of(cues.conditional());
    this.globalScope = Phrases.of(cues.globalScope());
    this.suspensionNouns = Phrases.of(cues.suspensionNouns());
    this.suspensionObjects = Phrases.of(cues.suspensionObjects());
    this.stacking = Phrases.of(cues.stacking());
    for (TariffTimeline.Status s : TariffTimeline.Status.values()) {
      status.put(s, Phrases.of(cues.cues(s)));
    }
  }

  Countries countries() {
    return countries;
  }

  /** The events of every sentence of {@code document}, in reading order, repeats dropped. */
  List<TariffEvent> extract(Document document) {
    List<TariffEvent> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    TariffEvent last = null;
    List<Sentence> sentences = document.sentences();
    for (int i = 0; i < sentences.size(); i++) {
      for (TariffEvent e : extract(document.source(), sentences.get(i).text(), i, last)) {
        last = e;
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
    List<Countries.Mention> mentions = countries.find(s, 0, s.length());
    List<int[]> anchors = new ArrayList<>();
    Matcher m = nouns.matcher(s);
    while (m.find()) {
      int a = m.start();
      int b = m.end();
      boolean inName = mentions.stream().anyMatch(x -> x.start() < b && a < x.end());
      // "on top of any tariff they pay": the base of the tariff before, not a tariff of its own.
      boolean base = !anchors.isEmpty() && Phrases.occurs(stacking, s, Math.max(0, a - 30), a);
      if (!inName && !base) {
        anchors.add(new int[] {a, b});
      }
    }
    if (anchors.isEmpty()) {
      TariffEvent e = previous == null ? null : continuation(source, s, index, mentions, previous);
      return e == null ? List.of() : List.of(e);
    }
    List<TariffEvent> out = new ArrayList<>();
    int start = 0;
    int[] anchor = anchors.getFirst();
    for (int k = 0; k < anchors.size(); k++) {
      int end = s.length();
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
    if (Phrases.occurs(hypothetical, s, c.start(), c.end())) {
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
    Cue cue = nearestCue(s, c, hasFigure);
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
  private static List<Rates.Rate> chooseRates(Rates.Parsed parsed, String s) {
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
      Cue cue,
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
    boolean explicit = imposer != null || target != null; // a default alone proves nothing
    if (target == null && imposer != null && Phrases.occurs(globalScope, s, c.start(), c.end())) {
      return null;
    }
    if (imposer == null) {
      imposer = cues.defaultCounterparts().get(target);
    }
    if (target == null) {
      target = cues.defaultCounterparts().get(imposer);
    }
    if (!explicit || imposer == null || target == null || imposer.equals(target)) {
      return null;
    }
    TariffTimeline.Status st = cue == null ? TariffTimeline.Status.IN_EFFECT : cue.status();
    if ((cue == null || st == TariffTimeline.Status.ANNOUNCED)
        && Phrases.occurs(conditional, s, c.start(), c.end())) {
      st = TariffTimeline.Status.THREATENED;
    }
    boolean future =
        st == TariffTimeline.Status.ANNOUNCED
            || st == TariffTimeline.Status.THREATENED
            || Phrases.occurs(status.get(TariffTimeline.Status.ANNOUNCED), s, c.start(), c.end());
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
        index);
  }

  /** A status cue found in a clause. {@code noun}: a suspension noun, weaker than a verb. */
  record Cue(TariffTimeline.Status status, String text, int distance, boolean noun, int end) {}

  /**
   * The status cue of a clause: the nearest before the tariff word within {@link #GOVERNS} chars
   * (the verb that governs it), else the nearest after it, else the verb of the sentence before the
   * clause. Suspension nouns count only with a figure. A modal right before a cut or a suspension
   * ("will fall", "would suspend") is that cut or suspension, planned.
   */
  private Cue nearestCue(String s, Clause c, boolean hasFigure) {
    Cue before = null;
    Cue after = null;
    for (TariffTimeline.Status st : TariffTimeline.Status.values()) {
      before = nearer(before, st, status.get(st), s, c, false, true);
      after = nearer(after, st, status.get(st), s, c, false, false);
    }
    if (hasFigure) {
      before = nearer(before, TariffTimeline.Status.SUSPENDED, suspensionNouns, s, c, true, true);
      after = nearer(after, TariffTimeline.Status.SUSPENDED, suspensionNouns, s, c, true, false);
    }
    Cue best = before != null && before.distance() <= GOVERNS ? before : after;
    if (best == null) {
      best = before;
    }
    if (best == null && c.start() > 0) {
      // "Biden has announced ..., including a quadrupling of duties ...": the verb that governs
      // the sentence before the clause.
      Clause earlier = new Clause(s, 0, c.start(), c.start(), c.start(), c.mentions());
      for (TariffTimeline.Status st : TariffTimeline.Status.values()) {
        best = nearer(best, st, status.get(st), s, earlier, false, true);
      }
    }
    return best == null ? null : modal(s, c, best);
  }

  private Cue modal(String s, Clause c, Cue cue) {
    if (cue.status() != TariffTimeline.Status.ANNOUNCED) {
      return cue;
    }
    for (TariffTimeline.Status st :
        List.of(TariffTimeline.Status.REDUCED, TariffTimeline.Status.SUSPENDED)) {
      Matcher m = status.get(st).matcher(s).region(cue.end(), Math.min(c.end(), cue.end() + 16));
      if (m.find() && MODAL_GAP.matcher(s.substring(cue.end(), m.start())).matches()) {
        return new Cue(st, m.group(), cue.distance(), false, m.end());
      }
    }
    return cue;
  }

  private static Cue nearer(
      Cue best,
      TariffTimeline.Status st,
      Pattern p,
      String s,
      Clause c,
      boolean noun,
      boolean beforeAnchor) {
    Matcher m = p.matcher(s).region(c.start(), c.end());
    while (m.find()) {
      int d;
      if (beforeAnchor && m.end() <= c.anchorStart()) {
        d = c.anchorStart() - m.end();
      } else if (!beforeAnchor && m.start() >= c.anchorEnd()) {
        d = m.start() - c.anchorEnd();
      } else {
        continue;
      }
      if (best == null || d < best.distance()) {
        best = new Cue(st, m.group(), d, noun, m.end());
      }
    }
    return best;
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

  /**
   * "The US suspended the planned increase.": a sentence without a tariff word that suspends
   * something continues the tariff story of the event before it.
   */
  private TariffEvent continuation(
      Source source, String s, int index, List<Countries.Mention> mentions, TariffEvent previous) {
    if (Phrases.occurs(hypothetical, s, 0, s.length())) {
      return null;
    }
    Matcher verb = status.get(TariffTimeline.Status.SUSPENDED).matcher(s);
    if (!verb.find()) {
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
    Rates.Rate rate = chooseRates(parsed, s).stream().findFirst().orElse(null);
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
        index);
  }

  /** The noun phrase ending at {@code end}, from its article: "The increase". */
  private static String determined(String s, int start, int end) {
    Matcher d =
        Pattern.compile("(?i)(?:^|\\s)(the|a|an|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}$")
            .matcher(s.substring(0, start));
    return s.substring(d.find() ? d.start(1) : start, end);
  }
}
