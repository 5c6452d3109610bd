package tradebot.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.config.Vocabulary;
import tradebot.index.PassageIndex;
import tradebot.knowledge.Figure;
import tradebot.text.EditDistance;

/**
 * Reads a question: its type, the figure kinds that would answer it, whether it asks for the newest
 * answer, the month and year it names, and its concepts with their synonyms, aliases and weights.
 * Thread-safe: holds only immutable rules; the index is only read.
 */
final class QuestionAnalyzer {
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}$€£¥][\\p{L}\\p{N}$€£¥%.,'&-]*+");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]{0,32}+[A-Za-z]");
  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\[([^\\]\\[]{0,200}+)]\\((?:https?://)?[^()\\s]{0,500}+\\)");
  private static final Pattern SLACK_LINK =
      Pattern.compile("<https?://[^|>\\s]{0,500}+\\|([^>]{0,200}+)>");
  private static final Pattern MARKUP =
      Pattern.compile(
          "<[@#!][^>\\s]{0,100}+>|<a?:\\w{1,64}+:\\d{1,30}+>|@(?:everyone|here|channel)\\b|https?://\\S{0,500}+|`{1,3}+");
  private static final Pattern PAIRED_NAMES =
      Pattern.compile("\\p{Lu}[\\p{L}.]*+(?:-\\p{Lu}[\\p{L}.]*+)++");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final List<String> MONTHS =
      tradebot.text.Months.FULL_NAMES.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();

  /** English synonyms added to one concept at most: the first senses' words are the likely ones. */
  private static final int MAX_THESAURUS_SYNONYMS = 6;

  private final Vocabulary vocabulary;
  private final AnswerRules rules;

  QuestionAnalyzer(Vocabulary vocabulary, AnswerRules rules) {
    this.vocabulary = vocabulary;
    this.rules = rules;
  }

  /** Folds what people paste into plain text: control and invisible characters, curly quotes. */
  static String normalize(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    // Chat markup is not part of the question: mentions, terminal colours, links, code marks.
    s = ANSI.matcher(s).replaceAll(" ");
    s = MARKDOWN_LINK.matcher(s).replaceAll("$1");
    s = SLACK_LINK.matcher(s).replaceAll("$1");
    s = MARKUP.matcher(s).replaceAll(" ");
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE
          || type == Character.SURROGATE) {
        sb.append(' ');
      } else {
        sb.appendCodePoint(
            switch (cp) {
              case '‘', '’', '‛', '′' -> '\'';
              case '“', '”', '„', '″' -> '"';
              case '–', '—', '‒', '―' -> '-';
              default -> cp;
            });
      }
    }
    return sb.toString().replaceAll("\\s+", " ").strip();
  }

  Question analyze(String raw, PassageIndex index) {
    String text = normalize(raw);
    QuestionType type = type(text);
    List<Token> tokens = tokens(text);
    int year = 0;
    int month = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (YEAR.matcher(t.lower).matches()) {
        year = Integer.parseInt(t.lower);
        t.notTopic = true;
        // "May 2018", "May 22, 2018": the month belongs to this year.
        for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
          int m = monthOf(tokens.get(j).lower);
          if (m > 0) {
            month = m;
            tokens.get(j).notTopic = true;
            for (int k = j + 1; k < i; k++) {
              tokens.get(k).notTopic = true;
            }
            break;
          }
        }
      }
    }
    boolean recency =
        rules.recency().stream().anyMatch(w -> containsPhrase(text.toLowerCase(Locale.ROOT), w));
    Set<Figure.Kind> wanted = EnumSet.noneOf(Figure.Kind.class);
    if (type == QuestionType.FIGURE) {
      for (Token t : tokens) {
        rules
            .figureCues()
            .forEach(
                (kind, cues) -> {
                  if (cues.contains(t.lower)) {
                    wanted.add(kind);
                  }
                });
      }
    }
    if (type == QuestionType.QUOTE) {
      tokens.stream()
          .filter(t -> rules.quoteFrames().contains(t.lower))
          .forEach(t -> t.notTopic = true);
    }
    return new Question(text, type, wanted, recency, year, month, concepts(tokens, index));
  }

  private QuestionType type(String text) {
    for (AnswerRules.TypeRule rule : rules.types()) {
      for (Pattern p : rule.patterns()) {
        if (p.matcher(text).find()) {
          return rule.type();
        }
      }
    }
    return QuestionType.WHAT;
  }

  private List<Question.Concept> concepts(List<Token> tokens, PassageIndex index) {
    List<Question.Concept> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int n = index.passageCount();
    for (int i = 0; i < tokens.size(); ) {
      Token t = tokens.get(i);
      if (t.notTopic || frameWord(tokens, i)) {
        i++;
        continue;
      }
      // Longest known phrase (an alias or a synonym of several words) starting here.
      int phraseEnd = knownPhraseEnd(tokens, i);
      boolean known = phraseEnd > i + 1;
      int end = known ? phraseEnd : capitalizedRunEnd(tokens, i);
      String phrase = join(tokens, i, end);
      String lower = phrase.toLowerCase(Locale.ROOT);
      // A name: a run of capitalized words, a known alias or country; a synonym phrase ("at stake")
      // is not.
      boolean entity =
          known
              ? vocabulary.isAlias(lower) || vocabulary.countryOf(lower) != null
              : end > i + 1 || isEntity(tokens, i);
      i = end;
      if (!entity && vocabulary.questionWords().contains(lower)) {
        continue;
      }
      String corrected = vocabulary.misspellings().getOrDefault(lower, lower);
      List<String> alternatives = alternatives(corrected);
      boolean word = !phrase.contains(" ");
      if (word && unknown(index, alternatives) && !Thesaurus.isWord(corrected)) {
        // A word neither the articles nor English know, nor any synonym of it, may be a typo of
        // one they do; a real word is not ("probe" is not "prove").
        String suggestion = suggestion(index, corrected, entity);
        // A correction into a stop word ("wether" into "whether") corrects nothing.
        if (suggestion != null && !index.terms(suggestion).isEmpty()) {
          corrected = suggestion;
          alternatives = alternatives(corrected);
        }
      }
      List<String> analyzed = index.terms(corrected);
      if (analyzed.isEmpty() || !seen.add(String.join(" ", analyzed))) {
        continue; // a stop word, or said twice
      }
      int thesaurusFrom = alternatives.size();
      if (word && !entity && rules.englishSynonyms()) {
        alternatives = new ArrayList<>(alternatives);
        for (String synonym : Thesaurus.synonyms(corrected)) {
          // Only synonyms the articles use: the others cannot match and would only slow the search.
          if (alternatives.size() - thesaurusFrom < MAX_THESAURUS_SYNONYMS
              && !alternatives.contains(synonym)
              && frequency(index, index.terms(synonym)) > 0) {
            alternatives.add(synonym);
          }
        }
      }
      int df = 0;
      int thesaurusDf = 0;
      List<List<String>> analyzedAlternatives = new ArrayList<>();
      for (int a = 0; a < alternatives.size(); a++) {
        List<String> terms = index.terms(alternatives.get(a));
        analyzedAlternatives.add(terms);
        if (a < thesaurusFrom) {
          df = Math.max(df, frequency(index, terms));
        } else {
          thesaurusDf = Math.max(thesaurusDf, frequency(index, terms));
        }
      }
      // A word the articles never use but an English synonym of which they do is as rare as that.
      boolean unknownWord = df == 0 && thesaurusDf == 0;
      df = df == 0 ? thesaurusDf : df;
      // Near spellings only for plain words: an unknown name is a name the articles lack ("France"
      // is not "frank").
      boolean fuzzy = unknownWord && !entity;
      double weight = Math.log(1 + (double) n / (df + 1));
      out.add(
          new Question.Concept(
              phrase, alternatives, analyzedAlternatives, thesaurusFrom, entity, fuzzy, weight));
    }
    return out;
  }

  private List<String> alternatives(String word) {
    List<String> out = new ArrayList<>();
    out.add(word);
    for (String e : vocabulary.expansions(word)) {
      String lower = e.toLowerCase(Locale.ROOT);
      if (!out.contains(lower)) {
        out.add(lower);
      }
    }
    return out;
  }

  private static boolean unknown(PassageIndex index, List<String> alternatives) {
    for (String alternative : alternatives) {
      List<String> terms = index.terms(alternative);
      if (terms.isEmpty() || frequency(index, terms) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The articles' word that {@code word} misspells, or null. A correction may change one letter of
   * a short word and two of a long one: beyond that, an unknown word is more likely a word the
   * articles do not use ("weather" is not "weathers"). The plural is tried too, since articles
   * often use only that form. A capitalized word (a name) of four letters may be corrected
   * ("Chna"); plain words need five ("farm" is not "far").
   */
  private static String suggestion(PassageIndex index, String word, boolean name) {
    if (word.length() < (name ? 4 : 5)) {
      return null;
    }
    int max = word.length() >= 8 ? 2 : 1;
    for (String form : List.of(word, word + "s")) {
      String s = index.suggest(form).orElse(null);
      if (s != null && EditDistance.within(form, s, max)) {
        return s;
      }
    }
    return null;
  }

  /** The rarest word of a phrase decides how rare the phrase is. */
  private static int frequency(PassageIndex index, List<String> terms) {
    int df = Integer.MAX_VALUE;
    for (String term : terms) {
      df = Math.min(df, index.documentFrequency(term));
    }
    return df == Integer.MAX_VALUE ? 0 : df;
  }

  private boolean frameWord(List<Token> tokens, int i) {
    return i > 0
        && tokens.get(i - 1).lower.equals("how")
        && rules.howFrames().contains(tokens.get(i).lower);
  }

  private int knownPhraseEnd(List<Token> tokens, int start) {
    int best = start;
    for (List<String> words : vocabulary.phrasesStartingWith(tokens.get(start).lower)) {
      if (start + words.size() > tokens.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < words.size() && match; k++) {
        match = tokens.get(start + k).lower.equals(words.get(k));
      }
      if (match) {
        best = Math.max(best, start + words.size());
      }
    }
    return best;
  }

  /** A run of capitalized words ("Eswar Prasad", "Ministry of Commerce"), not the opening word. */
  private int capitalizedRunEnd(List<Token> tokens, int start) {
    if (!tokens.get(start).capitalized || start == 0) {
      return start + 1;
    }
    int end = start + 1;
    while (end < tokens.size()) {
      Token t = tokens.get(end);
      if (t.capitalized && !t.notTopic && !tokens.get(end - 1).possessive) {
        end++;
      } else if ((t.lower.equals("of") || t.lower.equals("for"))
          && end + 1 < tokens.size()
          && tokens.get(end + 1).capitalized) {
        end += 2;
      } else {
        break;
      }
    }
    return end;
  }

  private boolean isEntity(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (vocabulary.countryOf(t.lower) != null) {
      return true;
    }
    if (vocabulary.isAlias(t.lower)) {
      return true;
    }
    // A capitalized word inside the question names something; the opening word is just capitalized.
    return i > 0 && t.capitalized && !vocabulary.questionWords().contains(t.lower);
  }

  private static String join(List<Token> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(i).text);
    }
    return sb.toString();
  }

  private static int monthOf(String word) {
    String w = word.replace(".", "");
    for (int m = 0; m < MONTHS.size(); m++) {
      // "Apirl 2025": a misspelt month is still a month when a year follows it.
      if (w.length() >= 4 && EditDistance.within(w, MONTHS.get(m), 1)) {
        return m + 1;
      }
    }
    for (int m = 0; m < MONTHS.size(); m++) {
      String name = MONTHS.get(m);
      if (w.equals(name)
          || w.length() >= 3 && name.startsWith(w) && !w.equals("mar") && !w.equals("may")) {
        return m + 1;
      }
    }
    return w.equals("may") ? 5 : w.equals("mar") ? 3 : 0;
  }

  private static boolean containsPhrase(String text, String phrase) {
    return Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b").matcher(text).find();
  }

  private static final class Token {
    final String text;
    final String lower;
    final boolean capitalized;

    /** A date (scored apart) or a word that frames the question: not part of its topic. */
    boolean notTopic;

    /** "China's": the owner, a name of its own, ends a run of capitalized words. */
    boolean possessive;

    Token(String text) {
      this.text = text;
      this.lower = text.toLowerCase(Locale.ROOT);
      this.capitalized = Character.isUpperCase(text.codePointAt(0));
    }
  }

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group().replaceAll("[.,'-]+$", "");
      // Possessives name their owner: "Xi's letter" is about Xi.
      boolean possessive = t.matches("(?i).*'s");
      t = t.replaceAll("(?i)'s$", "");
      // "US-China", "Trump-Xi": two names joined, each a concept of its own.
      for (String part : PAIRED_NAMES.matcher(t).matches() ? t.split("-") : new String[] {t}) {
        if (!part.isEmpty()) {
          out.add(new Token(part));
        }
      }
      if (possessive && !out.isEmpty()) {
        out.getLast().possessive = true;
      }
    }
    return out;
  }
}
