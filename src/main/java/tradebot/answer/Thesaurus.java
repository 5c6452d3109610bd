package tradebot.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English words and their synonyms, from WordNet 3.1: whether a word is English at all (so that a
 * real word is not "corrected" into another), and which other words can stand for it. The
 * dictionary is read once per process, lazily. Thread-safe.
 */
final class Thesaurus {
  private static final Logger log = LoggerFactory.getLogger(Thesaurus.class);

  /** Only the commonest senses of a word: the rare ones add noise, not answers. */
  private static final int SENSES = 2;

  /** Past this many cached words the caches start afresh: questions are free text. */
  private static final int MAX_CACHED = 50_000;

  private static volatile Dictionary dictionary;
  private static volatile boolean unavailable;
  private static final ConcurrentHashMap<String, List<String>> SYNONYMS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Boolean> WORDS = new ConcurrentHashMap<>();

  private Thesaurus() {}

  /** Reads the dictionary now (in the background at start-up) rather than on the first question. */
  static void warmUp() {
    isWord("tariff");
  }

  /** Whether WordNet knows {@code word} (any part of speech, any inflection). */
  static boolean isWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (WORDS.size() > MAX_CACHED) {
      WORDS.clear();
    }
    return WORDS.computeIfAbsent(w, k -> !lookup(k).isEmpty());
  }

  /**
   * Single-word and two-word synonyms of {@code word} from its commonest senses, lower case, the
   * word itself excluded; empty when WordNet does not know it.
   */
  static List<String> synonyms(String word) {
    if (SYNONYMS.size() > MAX_CACHED) {
      SYNONYMS.clear();
    }
    return SYNONYMS.computeIfAbsent(word.toLowerCase(Locale.ROOT), Thesaurus::compute);
  }

  private static List<String> compute(String w) {
    Set<String> out = new LinkedHashSet<>();
    for (IndexWord iw : lookup(w)) {
      List<Synset> senses = iw.getSenses();
      for (int i = 0; i < Math.min(SENSES, senses.size()); i++) {
        for (Word lemma : senses.get(i).getWords()) {
          String l = lemma.getLemma().toLowerCase(Locale.ROOT).replace('_', ' ');
          if (!l.equals(w) && !l.equals(iw.getLemma()) && l.split(" ").length <= 2) {
            out.add(l);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<IndexWord> lookup(String w) {
    Dictionary d = dictionary();
    if (d == null || w.isBlank()) {
      return List.of();
    }
    List<IndexWord> out = new ArrayList<>();
    try {
      for (POS pos : POS.getAllPOS()) {
        IndexWord iw = d.lookupIndexWord(pos, w);
        if (iw != null) {
          out.add(iw);
        }
      }
    } catch (JWNLException | RuntimeException e) {
      log.debug("WordNet lookup of {} failed: {}", w, e.toString());
    }
    return out;
  }

  private static Dictionary dictionary() {
    if (dictionary == null && !unavailable) {
      synchronized (Thesaurus.class) {
        if (dictionary == null && !unavailable) {
          try {
            dictionary = Dictionary.getDefaultResourceInstance();
          } catch (JWNLException | RuntimeException e) {
            unavailable = true;
            log.warn(
                "WordNet is unavailable ({}); questions are read without English synonyms",
                e.toString());
          }
        }
      }
    }
    return dictionary;
  }
}
