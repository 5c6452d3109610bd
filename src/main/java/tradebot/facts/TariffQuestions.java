package tradebot.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question about a tariff level the way the extractor reads a sentence: the tariff word (or
 * a verb such as "charge") is the anchor, the country whose goods are named is the target, the
 * other side the imposer ("China's tariffs on US goods", "duties on American products imposed by
 * Beijing", "the US tariff on Chinese imports"), with the default counterpart when one side is
 * missing. Then the time it asks about (today, a named month or year, a period, or since an event
 * an article's title names) and what is left of its words: goods or kinds of tariff that narrow the
 * level ("fentanyl", "steel"). Every word comes from {@code config/tariffs.yaml}. Thread-safe.
 */
final class TariffQuestions {
  private static final Pattern YEAR =
      Pattern.compile("(?<![\\p{N}\\p{L}])((?:19|20)\\d{2})(?!\\p{N})");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** A day, a month of a year, or a whole year the question names, at [start, end). */
  private record Named(int year, int month, int day, int start, int end) {
    LocalDate first() {
      if (day != 0) {
        return LocalDate.of(year, month, day);
      }
      return month == 0 ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
    }

    LocalDate last() {
      if (day != 0) {
        return LocalDate.of(year, month, day);
      }
      return month == 0 ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }
  }

  private final TariffCues cues;
  private final Countries countries;
  private final Coverage coverage;
  private final Roles roles;
  private final Phrases.Cue nouns;
  private final Phrases.Cue levyVerbs;
  private final Phrases.Cue now;
  private final Phrases.Cue present;
  private final Phrases.Cue past;
  private final Phrases.Cue change;
  private final Pattern since;
  private final Pattern month;
  private final Set<String> known = new TreeSet<>();
  private final Pattern nounAfter;

  TariffQuestions(TariffCues cues, Countries countries) {
    this.cues = cues;
    this.countries = countries;
    this.coverage = new Coverage(cues);
    this.roles = new Roles(coverage);
    TariffCues.Questions q = cues.questions();
    this.nouns = Phrases.Cue.of(cues.tariffNouns());
    this.levyVerbs = Phrases.Cue.of(q.levyVerbs());
    this.now = Phrases.Cue.of(q.now());
    this.present = Phrases.Cue.of(q.present());
    this.past = Phrases.Cue.of(q.past());
    this.change = Phrases.Cue.of(q.change());
    this.since = Phrases.of(q.since());
    List<String> nounsAfter = new ArrayList<>(cues.tariffNouns());
    nounsAfter.addAll(cues.goodsNouns());
    nounsAfter.addAll(q.goodsWords());
    this.nounAfter =
        Pattern.compile(
            "\\s+(?:[\\p{L}-]+\\s+)?(?:" + Phrases.alternation(nounsAfter) + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    this.month =
        cues.months().isEmpty()
            ? Phrases.NOTHING
            : Pattern.compile(
                "(?<![\\p{L}])("
                    + Phrases.alternation(cues.months().keySet())
                    + ")\\.?(?![\\p{L}])"
                    + "(?:\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?)?,?(?:\\s+((?:19|20)\\d{2}))?",
                Pattern.CASE_INSENSITIVE);
    for (List<String> words :
        List.of(
            cues.tariffNouns(),
            cues.goodsNouns(),
            q.levyVerbs(),
            q.now(),
            q.present(),
            q.past(),
            q.change(),
            q.since(),
            q.levelWords(),
            q.goodsWords(),
            List.copyOf(cues.months().keySet()))) {
      for (String phrase : words) {
        for (String w : phrase.toLowerCase(Locale.ROOT).split("\\s+")) {
          known.add(w);
        }
      }
    }
    cues.actors().values().forEach(names -> names.forEach(n -> addWords(known, n)));
    known.addAll(DATE_WORDS);
  }

  private static void addWords(Set<String> into, String phrase) {
    Matcher m = WORD.matcher(phrase.toLowerCase(Locale.ROOT));
    while (m.find()) {
      into.add(m.group());
    }
  }

  /**
   * Who imposes the tariff the question speaks of on whom, read as {@link #read} reads it, whether
   * or not the question asks a level.
   */
  Optional<TariffTimeline.Direction> direction(String text) {
    return parties(text).map(Parties::direction);
  }

  /** The question's text as read, the direction it asks about, its countries and its money. */
  private record Parties(
      String text,
      TariffTimeline.Direction direction,
      List<Countries.Mention> mentions,
      Coverage.Span money) {}

  private Optional<Parties> parties(String text) {
    String s = possessives(text);
    Matcher anchor = nouns.find(s, 0, s.length());
    if (anchor == null) {
      anchor = levyVerbs.find(s, 0, s.length());
    }
    if (anchor == null) {
      return Optional.empty();
    }
    List<Countries.Mention> mentions = countries.findAnyCase(s, this::nameInContext);
    TariffExtractor.Clause clause =
        new TariffExtractor.Clause(s, 0, s.length(), anchor.start(), anchor.end(), mentions);
    Coverage.Span money = coverage.money(s, 0, s.length());
    Coverage.Span on = coverage.on(s, anchor.end(), s.length());
    String target = roles.target(clause, money, on);
    String imposer = roles.imposer(clause, target);
    if (imposer == null && target == null) {
      return Optional.empty();
    }
    if (imposer == null) {
      imposer = cues.defaultCounterparts().get(target);
    }
    if (target == null) {
      target = cues.defaultCounterparts().get(imposer);
    }
    if (imposer == null || target == null || imposer.equals(target)) {
      return Optional.empty();
    }
    for (Countries.Mention m : mentions) {
      if (!m.iso().equals(imposer) && !m.iso().equals(target)) {
        return Optional
            .empty(); // "What tariff does Canada charge on American dairy?": not this pair
      }
    }
    return Optional.of(
        new Parties(s, new TariffTimeline.Direction(imposer, target), mentions, money));
  }

  /**
   * The tariff question {@code text} asks, if it is one.
   *
   * @param topic the question's content words as the answer service read them (stop words gone)
   * @param today the day "now" means
   * @param events every event of the timeline, to find the event a period starts at ("after the
   *     Geneva talks")
   */
  Optional<TariffTimeline.Query> read(
      String text, List<String> topic, LocalDate today, List<TariffEvent> events) {
    Parties p = parties(text).orElse(null);
    if (p == null) {
      return Optional.empty();
    }
    String s = p.text();
    Coverage.Span money = p.money();
    List<Countries.Mention> mentions = p.mentions();
    TariffTimeline.Direction direction = p.direction();

    Double amount = null; // "the tariff on $200 billion of goods": the level of that tranche
    if (money != null) {
      amount = Amounts.money(s, money.start(), money.end()).orElse(null);
      if (amount == null) {
        return Optional.empty();
      }
    }
    Set<String> used = new TreeSet<>(known);
    if (money != null) {
      addWords(used, money.text());
    }
    mentions.forEach(m -> addWords(used, m.text()));
    List<Named> dates = dates(s);
    dates.forEach(d -> addWords(used, s.substring(d.start(), d.end())));
    LocalDate start = startEvent(s, topic, events, used);
    List<String> goods = new ArrayList<>();
    for (String phrase : topic) {
      Matcher w = WORD.matcher(phrase.toLowerCase(Locale.ROOT));
      while (w.find()) {
        String word = w.group();
        if (!used(used, word)
            && !word.chars().allMatch(Character::isDigit)
            && word.length() > 2
            && !goods.contains(word)) {
          goods.add(word);
        }
      }
    }

    boolean changing = change.occurs(s, 0, s.length());
    if (changing) {
      return Optional.of(changeQuery(s, direction, dates, start, today, goods, amount));
    }
    LocalDate asOf;
    String when;
    if (!dates.isEmpty()) {
      Named d = dates.getFirst();
      asOf = min(d.last(), today);
      when = label(d);
    } else if (start != null) {
      return Optional.of(
          new TariffTimeline.Query(
              direction,
              TariffTimeline.Query.Kind.LEVEL,
              start,
              min(start, today),
              "",
              goods,
              amount));
    } else if (now.occurs(s, 0, s.length())
        || (present.occurs(s, 0, s.length()) && !past.occurs(s, 0, s.length()))) {
      asOf = today;
      when = "";
    } else {
      return Optional.empty(); // "what tariff did China impose?": which time, the ranking knows
    }
    return Optional.of(
        new TariffTimeline.Query(
            direction, TariffTimeline.Query.Kind.LEVEL, null, asOf, when, goods, amount));
  }

  private TariffTimeline.Query changeQuery(
      String s,
      TariffTimeline.Direction direction,
      List<Named> dates,
      LocalDate start,
      LocalDate today,
      List<String> goods,
      Double amount) {
    LocalDate from;
    LocalDate to = today;
    if (dates.size() >= 2) {
      from = dates.getFirst().last();
      to = min(dates.getLast().last(), today);
    } else if (dates.size() == 1 && sinceBefore(s, dates.getFirst().start())) {
      from = dates.getFirst().first().minusDays(1);
    } else if (dates.size() == 1) {
      from = dates.getFirst().first().minusDays(1);
      to = min(dates.getFirst().last(), today);
    } else if (start != null) {
      from = start.minusDays(1);
    } else {
      from = LocalDate.MIN;
    }
    return new TariffTimeline.Query(
        direction, TariffTimeline.Query.Kind.CHANGE, from, to, "", goods, amount);
  }

  /** Whether {@code word} is one of {@code used}, or its plural or possessive ("chinas"). */
  private static boolean used(Set<String> used, String word) {
    String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    return used.contains(bare)
        || (bare.endsWith("s") && used.contains(bare.substring(0, bare.length() - 1)));
  }

  private boolean sinceBefore(String s, int at) {
    Matcher m = since.matcher(s).region(Math.max(0, at - 12), at);
    return m.find();
  }

  /**
   * The date of the first event whose article's title or sentence names what follows "since" or
   * "after" ("after the Geneva talks"), its words marked {@code used}; null when there is none.
   */
  private LocalDate startEvent(
      String s, List<String> topic, List<TariffEvent> events, Set<String> used) {
    Matcher m = since.matcher(s);
    if (!m.find()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    Matcher w = WORD.matcher(s.substring(m.end()).toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (topic.stream().anyMatch(t -> t.equalsIgnoreCase(word)) && !used.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    // The events that name the rarest of the words, narrowed by each other word while some remain:
    // "the Busan deal" finds Busan's events even where "deal" is not written.
    java.util.Map<String, Long> named = new java.util.HashMap<>();
    java.util.Map<String, Pattern> starts = new java.util.HashMap<>();
    for (String x : words) {
      Pattern p = starts.computeIfAbsent(x, TariffQuestions::wordStart);
      named.put(x, events.stream().filter(e -> names(e, p)).count());
    }
    List<String> byRarity = new ArrayList<>(words);
    byRarity.sort(java.util.Comparator.comparingLong(named::get));
    List<TariffEvent> found = List.of();
    for (String x : byRarity) {
      List<TariffEvent> narrower =
          (found.isEmpty() ? events : found).stream().filter(e -> names(e, starts.get(x))).toList();
      if (!narrower.isEmpty()) {
        found = narrower;
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    used.addAll(words);
    return found.stream().map(TariffEvent::when).min(LocalDate::compareTo).orElseThrow();
  }

  /** Whether the event's article title or sentence has the word {@code start} finds. */
  private static boolean names(TariffEvent e, Pattern start) {
    return start.matcher(e.source().title().toLowerCase(Locale.ROOT)).find()
        || start.matcher(e.quote().toLowerCase(Locale.ROOT)).find();
  }

  /**
   * What finds a word of lower-case text that starts with {@code word}, or with its singular
   * ("talks" finds "talk" and "talks"); compiled once a word, not once a sentence.
   */
  static Pattern wordStart(String word) {
    String stem =
        word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(stem));
  }

  /**
   * The months and years {@code s} names, in order; a month without a year takes the next one's.
   */
  private List<Named> dates(String s) {
    List<Named> out = new ArrayList<>();
    List<int[]> monthSpans = new ArrayList<>();
    Matcher m = month.matcher(s);
    while (m.find()) {
      int n = cues.months().get(m.group(1).toLowerCase(Locale.ROOT));
      int day = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int year = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (year == 0 && day == 0 && !datePreposition(s, m.start())) {
        continue; // "may impose": a verb, not May
      }
      out.add(new Named(year, n, day, m.start(), m.end()));
      monthSpans.add(new int[] {m.start(), m.end()});
    }
    Matcher y = YEAR.matcher(s);
    while (y.find()) {
      int at = y.start();
      if (monthSpans.stream().noneMatch(span -> at >= span[0] && at < span[1])) {
        out.add(new Named(Integer.parseInt(y.group(1)), 0, 0, y.start(), y.end()));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Named::start));
    List<Named> dated = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Named d = out.get(i);
      int year = d.year();
      for (int j = i + 1; year == 0 && j < out.size(); j++) {
        year = out.get(j).year();
      }
      for (int j = i - 1; year == 0 && j >= 0; j--) {
        year = out.get(j).year();
      }
      if (year != 0 && (d.day() == 0 || d.day() <= YearMonth.of(year, d.month()).lengthOfMonth())) {
        dated.add(new Named(year, d.month(), d.day(), d.start(), d.end()));
      }
    }
    return dated;
  }

  /**
   * Words before a month that make it a date ("in May", "between May", "mid-April"): part of the
   * date phrase, not goods.
   */
  private static final List<String> DATE_WORDS =
      List.of(
          "in", "from", "to", "between", "since", "until", "till", "through", "and", "after",
          "before", "of", "by", "early", "late", "mid");

  private static final Pattern DATE_PREPOSITION =
      Pattern.compile("(?:" + String.join("|", DATE_WORDS) + ")\\s+$", Pattern.CASE_INSENSITIVE);

  private static boolean datePreposition(String s, int at) {
    return DATE_PREPOSITION.matcher(s.substring(Math.max(0, at - 10), at)).find();
  }

  /** "in 2025", "in April 2025", "on April 4, 2025". */
  private static String label(Named d) {
    if (d.month() == 0) {
      return "in " + d.year();
    }
    String name =
        java.time.Month.of(d.month())
            .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    return d.day() == 0
        ? "in " + name + " " + d.year()
        : "on " + name + " " + d.day() + ", " + d.year();
  }

  /**
   * Whether a name written in another case than the vocabulary's is the name: "china" always; a
   * short one that is also a word ("us") only beside a tariff or goods noun ("us goods", "us
   * tariffs") or after a word that precedes a country ("on us", "the us").
   */
  private boolean nameInContext(String s, Countries.Mention m) {
    if (m.text().length() > 2) {
      return true;
    }
    String after = s.substring(m.end());
    String before = s.substring(0, m.start());
    return nounAfter.matcher(after).lookingAt() || COUNTRY_BEFORE.matcher(before).find();
  }

  private static final Pattern COUNTRY_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:on|from|against|by|and|the|vs|versus)\\s+$", Pattern.CASE_INSENSITIVE);

  /** "chinas tariffs": a country's name with an "s" and no apostrophe, written as a possessive. */
  private String possessives(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String w = m.group();
      if (w.length() > 4
          && (w.endsWith("s") || w.endsWith("S"))
          && countries.iso(w) == null
          && countries.iso(w.substring(0, w.length() - 1)) != null) {
        out.append(text, last, m.end() - 1).append("'s");
        last = m.end();
      }
    }
    return out.append(text.substring(last)).toString();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
