package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tradebot.facts.internal.FirstWords;

/** The quick test never says "no" where the pattern would match, and says it where none stands. */
class FirstWordsTest {
  private static final List<String> PHRASES =
      List.of("took effect", "in effect", "will", "may impose", "scaled back", "Ka", "ſo", "i");

  private static final String[] SOUP = {
    "took",
    "effect",
    "in",
    "will",
    "WILL",
    "Will",
    "may",
    "impose",
    "scaled",
    "back",
    "ka",
    "KA",
    "\u212Aa",
    "so",
    "SO",
    "\u017Fo",
    "I",
    "\u0130",
    "\u0131",
    "i",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00A0",
    "-",
    ",",
    ".",
    "x",
    "7",
    "\u2167",
    "é",
    "\uD83D\uDE00",
    "\uD835\uDC00",
    "effectively",
    "willing"
  };

  private static String soup(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(12); i >= 0; i--) {
      b.append(SOUP[random.nextInt(SOUP.length)]);
    }
    return b.toString();
  }

  /** Checks every region of {@code text}: where the pattern finds a match, the test says maybe. */
  private static int assertNeverMisses(Pattern pattern, FirstWords words, String text) {
    int found = 0;
    for (int from = 0; from <= text.length(); from++) {
      for (int to = from; to <= text.length(); to++) {
        boolean matches = pattern.matcher(text).region(from, to).find();
        if (matches) {
          found++;
          assertTrue(words.mayOccur(text, from, to), "[" + text + "] " + from + ".." + to);
        }
      }
    }
    return found;
  }

  @Test
  void wholeWordPhrasesAreNeverMissedWhateverTheCaseBlanksAndNeighbours() {
    Pattern pattern = Phrases.of(PHRASES);
    FirstWords words = FirstWords.of(PHRASES);
    Random random = new Random(11);
    int found = 0;
    for (int round = 0; round < 1_000; round++) {
      found += assertNeverMisses(pattern, words, soup(random));
    }
    assertTrue(found > 10_000, "regions with a match: " + found);
  }

  @Test
  void phrasesAnywhereInAnAsciiCaseInsensitivePatternAreNeverMissed() {
    List<String> goods = List.of("goods", "farm goods", "Ka", "i");
    Pattern pattern =
        Pattern.compile("\\d\\s+(?:" + Phrases.alternation(goods) + ")", Pattern.CASE_INSENSITIVE);
    FirstWords words = FirstWords.anywhere(goods);
    Random random = new Random(5);
    int found = 0;
    for (int round = 0; round < 1_000; round++) {
      String text = soup(random) + " 7 " + soup(random).replace("so", "goods");
      found += assertNeverMisses(pattern, words, text);
    }
    assertTrue(found > 1_000, "regions with a match: " + found);
  }

  @Test
  void theCueListsOfTheConfigAreNeverMissedInTheSeedArticles() throws Exception {
    TariffCues cues = TariffCues.load(Path.of("config/tariffs.yaml"));
    List<List<String>> lists = new ArrayList<>();
    for (TariffTimeline.Status s : TariffTimeline.Status.values()) {
      lists.add(cues.cues(s));
    }
    lists.add(cues.tariffNouns());
    lists.add(cues.hypothetical());
    lists.add(cues.stacking());
    lists.add(cues.sameLevel());
    lists.add(cues.globalScope());
    lists.add(cues.conditional());
    String text =
        String.join(
            "\n",
            java.nio.file.Files.readAllLines(
                Path.of("knowledge/2025-04-11-bloomberg-tariffs-peak-125.txt")));
    int said = 0;
    for (List<String> list : lists) {
      Pattern pattern = Phrases.of(list);
      FirstWords words = FirstWords.of(list);
      for (int from = 0; from < text.length(); from += 37) {
        int to = Math.min(text.length(), from + 120);
        boolean matches = pattern.matcher(text).region(from, to).find();
        boolean maybe = words.mayOccur(text, from, to);
        assertTrue(!matches || maybe, list + " at " + from);
        said += maybe ? 0 : 1;
      }
    }
    assertTrue(said > 100, "regions ruled out: " + said);
  }

  @Test
  void itSaysNoWhereOnlyPartsOfWordsOrOtherWordsStand() {
    FirstWords words = FirstWords.of(List.of("in effect", "will"));
    assertFalse(words.mayOccur("willing to wait, ineffective", 0, 28));
    assertFalse(words.mayOccur("in-effect", 0, 9));
    assertFalse(words.mayOccur("in effect", 0, 8));
    assertTrue(words.mayOccur("IN \t EFFECT", 0, 11));
    assertTrue(words.mayOccur("xwill", 1, 5)); // the region's start hides the 'x'
    assertFalse(FirstWords.of(List.of()).mayOccur("anything", 0, 8));
    assertTrue(FirstWords.of(List.of("a  b")).mayOccur("nothing like it", 0, 15));
  }
}
