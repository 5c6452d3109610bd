package tradebot.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.facts.internal.FirstWords;
import tradebot.knowledge.Figure;
import tradebot.knowledge.FigureExtractor;

/**
 * Finds what a tariff covers: an amount of goods ("another $200 billion in Chinese imports") or the
 * phrase after "on" ("on all US goods", "on US crude"). Thread-safe.
 */
final class Coverage {
  /** A piece of a sentence as written. */
  record Span(String text, int start, int end) {}

  private static final int MAX_WORDS = 8;

  /** How far before an amount its qualifier or "goods worth" may start. */
  private static final int BEFORE_AMOUNT = 80;

  private static final FigureExtractor FIGURES = new FigureExtractor();
  private static final Pattern ON =
      Pattern.compile("(?<![\\p{L}])on\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_GOODS =
      Pattern.compile(
          "^(?:top\\b|hold\\b|behalf\\b|track\\b|the\\s+line\\b|twitter\\b)",
          Pattern.CASE_INSENSITIVE);

  private final Pattern qualifierBefore;
  private final Pattern goodsAfterAmount;
  private final Pattern goodsWorthBefore;
  private final FirstWords goods; // every amount of goods names them
  private final Pattern stop;
  private final Pattern dateWord;
  private final Pattern goodsAfter;
  private final Pattern goodsFromBefore;
  private final Pattern goodsNoun;

  Coverage(TariffCues cues) {
    String goods = Phrases.alternation(cues.goodsNouns());
    this.goods = FirstWords.anywhere(cues.goodsNouns());
    String quals = Phrases.alternation(cues.amountQualifiers());
    // "another $200 billion of Chinese imports": a qualifier before the amount, goods after it.
    this.qualifierBefore =
        Pattern.compile("(?<![\\p{L}])(?:" + quals + ")\\s+$", Pattern.CASE_INSENSITIVE);
    this.goodsAfterAmount =
        Pattern.compile(
            "^(?:\\s+worth)?(?:\\s+(?:of|in))?(?:\\s+[^\\s,;:]+){0,4}?\\s+(?:"
                + goods
                + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    // "Chinese imports worth $34 billion": goods, "worth" and a qualifier before the amount.
    this.goodsWorthBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:(?!(?:on|of|in|to|and|the|a|an)\\s)[\\p{L}.-]+\\s+){0,2}(?:"
                + goods
                + ")\\s+worth\\s+(?:(?:"
                + quals
                + ")\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    List<String> dateWords = new ArrayList<>(cues.weekdays());
    dateWords.addAll(cues.months().keySet());
    String dates = Phrases.alternation(dateWords);
    this.dateWord = Pattern.compile("^(?:" + dates + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    this.stop =
        Pattern.compile(
            "\\s+(?:to|at|starting|beginning|effective|as\\s+of|by|after|before|when|while|which|that"
                + "|until|for|over|under|amid|in\\s+retaliation|in\\s+response|on|if|unless|but|this"
                + "|last|next|worth|with|since|would|will|could|was|were|is|are|has|have|had|took|takes"
                + "|take|went|goes|go|came|comes|come|kicked|kicks|kick|rose|rise|rises|fell|remain|remains"
                + "|said|says)(?![\\p{L}])"
                + "|\\s+(?:from|in)\\s+(?=[\\d$]|(?:"
                + dates
                + ")(?![\\p{L}]))"
                + "|(?<!\\d),|,(?!\\d)|[;:()\"\u2014\u2013\u201c\u201d]|\\s-\\s|(?-i:(?<=[\\p{Ll}\\d])\\.(?=\\s|$))",
            Pattern.CASE_INSENSITIVE);
    this.goodsAfter =
        Pattern.compile(
            "^(?:['’]s)?(?:-[\\p{L}]+)?\\s+(?:[\\p{L}-]+\\s+)?(?:" + goods + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    this.goodsNoun = Phrases.of(cues.goodsNouns());
    this.goodsFromBefore =
        Pattern.compile("(?:" + goods + ")\\s+from\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
  }

  /**
   * The first amount of goods in {@code s[from, to)}, or null: an amount of money as the figure
   * extractor reads it (the one grammar for money), with goods named after it ("$200 billion of
   * Chinese imports") or before it ("imports worth $34 billion").
   */
  Span money(String s, int from, int to) {
    if (!hasDigit(s, from, to) || !goods.mayOccur(s, from, to)) {
      return null; // an amount of goods has a digit and a goods noun: spare the extractor's scan
    }
    Span first = null;
    for (Figure f : FIGURES.extract(s, from, to)) {
      if (f.kind() != Figure.Kind.MONEY) {
        continue;
      }
      Span span = amountOfGoods(s, from, to, f.start(), f.end());
      if (span != null && (first == null || span.start() < first.start())) {
        first = span;
      }
    }
    return first;
  }

  private Span amountOfGoods(String s, int from, int to, int start, int end) {
    int lookBack = Math.max(from, start - BEFORE_AMOUNT);
    Matcher worth = goodsWorthBefore.matcher(s.substring(lookBack, start));
    if (worth.find()) {
      return span(s, lookBack + worth.start(), end);
    }
    Matcher after = goodsAfterAmount.matcher(s.substring(end, to));
    if (!after.find()) {
      return null;
    }
    Matcher qual = qualifierBefore.matcher(s.substring(lookBack, start));
    return span(s, qual.find() ? lookBack + qual.start() : start, end + after.end());
  }

  private static Span span(String s, int start, int end) {
    return new Span(s.substring(start, end), start, end);
  }

  /**
   * The first "on ..." phrase that names goods in {@code s[from, to)}, without the "on", or null.
   */
  Span on(String s, int from, int to) {
    Matcher m = ON.matcher(s).region(from, to);
    while (m.find()) {
      int start = m.end();
      while (start < to && "“\"‘'".indexOf(s.charAt(start)) >= 0) {
        start++;
      }
      String rest = s.substring(start, to);
      if (NOT_GOODS.matcher(rest).find() || dateWord.matcher(rest).find()) {
        continue;
      }
      Matcher end = stop.matcher(s).region(start, to);
      int stopAt = end.find() ? end.start() : to;
      String text = limit(s.substring(start, stopAt).strip());
      if (!text.isEmpty()) {
        return new Span(text, start, start + text.length());
      }
    }
    return null;
  }

  /** Whether {@code span} holds a goods noun. */
  boolean namesGoods(Span span) {
    return goodsNoun.matcher(span.text()).find();
  }

  /**
   * Whether a goods noun follows {@code s} at {@code pos} ("Chinese| imports", "US| farm goods").
   */
  boolean goodsAfter(String s, int pos) {
    return goodsAfter.matcher(s).region(pos, s.length()).lookingAt();
  }

  /** Whether "goods from" comes right before {@code pos} ("imports from |China"). */
  boolean goodsFromBefore(String s, int pos) {
    return goodsFromBefore.matcher(s.substring(Math.max(0, pos - 40), pos)).find();
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static String limit(String text) {
    text = text.replaceAll("(?i)(?:\\s+(?:and|or|as well as))+$", "");
    String[] words = text.split("\\s+");
    if (words.length <= MAX_WORDS) {
      return text;
    }
    return String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
  }
}
