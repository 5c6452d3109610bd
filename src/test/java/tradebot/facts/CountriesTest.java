package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tradebot.config.Vocabulary;

/** Names found position by position are those the one pattern of every name finds. */
class CountriesTest {
  private final Countries countries =
      new Countries(
          Vocabulary.load(Path.of("config/vocabulary.yaml")),
          TariffCues.load(Path.of("config/tariffs.yaml")));

  private static final String[] SOUP = {
    "China",
    "Chinese",
    "US",
    "U.S.",
    "United",
    "States",
    "United States",
    "Beijing",
    "Trump",
    "Xi",
    "Xi Jinping",
    "Mexico",
    "EU",
    "the",
    "on",
    " ",
    "  ",
    "\n",
    ".",
    "-",
    "x",
    "7",
    "é",
    "\uD835\uDC00",
    "\uD83D\uDE00",
    "\uD835",
    "\uDC00",
    "Ⅷ",
    "USTR",
    "Washington",
    "Japan",
    "s"
  };

  @Test
  void randomTextGivesTheSameMentionsInEveryRegion() {
    Random random = new Random(17);
    int mentions = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(16); i >= 0; i--) {
        b.append(SOUP[random.nextInt(SOUP.length)]);
      }
      String text = b.toString();
      int from = random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      List<Countries.Mention> expected = countries.findByPattern(text, from, to);
      assertEquals(
          expected,
          countries.find(text, from, to),
          text.replace("\n", "\\n") + " [" + from + ", " + to + ")");
      mentions += expected.size();
    }
    assertTrue(mentions > 200, "mentions compared: " + mentions);
  }

  @Test
  void theSeedArticlesGiveTheSameMentions() throws IOException {
    int mentions = 0;
    try (var files = Files.list(Path.of("knowledge"))) {
      for (Path f : files.sorted().toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        List<Countries.Mention> expected = countries.findByPattern(text, 0, text.length());
        assertEquals(expected, countries.find(text, 0, text.length()), f.toString());
        mentions += expected.size();
      }
    }
    assertTrue(mentions > 100, "mentions compared: " + mentions);
  }
}
