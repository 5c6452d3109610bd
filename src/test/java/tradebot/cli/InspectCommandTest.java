package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.Main;

/** {@code tradebot inspect FILE}: the line table, the sentences, and bad files. */
class InspectCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void inspectShowsEachLineKeptOrDroppedWithItsRuleThenTheSentences() {
    Run r = run("inspect", "src/test/resources/articles/bloomberg-style.txt");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("DROP    8 most-read        | Most Read from Bloomberg"), r.out());
    assertTrue(lines.contains("DROP   16 short-line       | Levers"), r.out());
    assertTrue(
        lines.contains(
            "KEEP   17 prose            | China could still curb exports of rare earths, analysts said."),
        r.out());
    assertTrue(lines.contains("15 lines: 4 kept, 11 dropped"), r.out());
    assertTrue(
        lines.contains(
            "  most-read         a box of other stories (\"Most Read from Bloomberg\"); the headlines under it go too"),
        r.out());
    int sentences = lines.indexOf("4 sentences:");
    assertTrue(sentences > 0, r.out());
    assertEquals(
        "  2. Shipments to the U.S. dropped 4.2% from a year earlier, while imports from the U.S. plunged 26.7%."
            + "   [percent 4.2%, duration a year, percent 26.7%]",
        lines.get(sentences + 2));
    assertEquals(
        "  3. “The trade war is clearly hurting,” said an economist in Hong Kong.",
        lines.get(sentences + 3));
  }

  @Test
  void inspectOfAFileWithBadFrontMatterPrintsTheErrorAndExitsOne(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(
        file,
        "---\ntitle: \"Talks\"\noutlet: Wire\npublished: someday\n---\nChina raised tariffs.\n");
    Run r = run("inspect", file.toString());
    assertEquals(1, r.exit());
    assertEquals(
        "tradebot inspect: "
            + file
            + ":4: published must be an ISO date like 2025-04-11: someday\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void inspectOfAMissingFileExitsOne(@TempDir Path dir) {
    Run r = run("inspect", dir.resolve("none.txt").toString());
    assertEquals(1, r.exit());
    assertEquals("tradebot inspect: " + dir.resolve("none.txt") + ": no such file\n", r.err());
  }
}
