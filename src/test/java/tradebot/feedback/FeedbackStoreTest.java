package tradebot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.config.TradebotConfig;
import tradebot.config.TradebotConfig.Privacy;
import tradebot.config.TradebotConfig.StoredQuestions;
import tradebot.testing.ManualClock;

class FeedbackStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static final Given.Passage PASSAGE =
      new Given.Passage("reuters-2025-04-09", "US raises tariffs", "The tariff rose to 125%.");

  @TempDir Path tmp;
  private final ManualClock clock = new ManualClock(T0);

  private FeedbackStore open(Privacy privacy) {
    return FeedbackStore.open(tmp.resolve("data").resolve(FeedbackStore.FILE), clock, privacy);
  }

  private static Given answered(String user, String question) {
    return new Given("discord", user, question, "v1", false, "125%", List.of(PASSAGE));
  }

  private static Given declined(String user, String question) {
    return new Given(
        "discord", user, question, "v1", true, "My sources don't cover that.", List.of());
  }

  @Test
  void aVoteIsRecordedThenChangedThenLeftAloneWhenRepeated() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      String id = store.record(answered("u1", "what is the tariff?"));
      assertEquals(new Voted.Recorded(Vote.DOWN), store.vote(id, "discord", "u1", Vote.DOWN));
      assertEquals(new Voted.Changed(Vote.DOWN, Vote.UP), store.vote(id, "discord", "u1", Vote.UP));
      assertEquals(new Voted.Unchanged(Vote.UP), store.vote(id, "discord", "u1", Vote.UP));
      // the same id on another platform is another user
      assertEquals(new Voted.Recorded(Vote.DOWN), store.vote(id, "slack", "u1", Vote.DOWN));
      Report.Disliked d = store.report(Duration.ofDays(7), 10).disliked().getFirst();
      assertEquals(List.of(1, 1), List.of(d.down(), d.up()));
    }
  }

  @Test
  void aVoteOnAnAnswerNobodyGaveIsUnknown() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      assertEquals(
          new Voted.UnknownAnswer("nosuchid"), store.vote("nosuchid", "discord", "u1", Vote.UP));
    }
  }

  @Test
  void answerIdsAreEightLettersAndDigitsThatCannotBeMisread() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ids.add(store.record(answered("u", "q" + i)));
      }
      assertEquals(200, ids.stream().distinct().count());
      ids.forEach(id -> assertTrue(id.matches("[2-9a-hjkmnp-z]{8}"), id));
    }
  }

  @Test
  void theReportCountsDeclinedQuestionsIgnoringCaseAndSpacesAndShowsTheLastWording() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      store.record(declined("u1", "Who is the EU trade chief?"));
      clock.advance(Duration.ofMinutes(1));
      store.record(declined("u2", "  who is the eu trade chief?"));
      clock.advance(Duration.ofMinutes(1));
      store.record(declined("u3", "What about soybeans?"));
      store.record(answered("u1", "what is the tariff?"));
      Report r = store.report(Duration.ofDays(7), 10);
      assertEquals(
          List.of(
              new Report.Declined(
                  "  who is the eu trade chief?", 2, T0.plus(Duration.ofMinutes(1))),
              new Report.Declined("What about soybeans?", 1, T0.plus(Duration.ofMinutes(2)))),
          r.declined());
      assertEquals(4, r.answers());
      assertEquals(0, r.declinedWithoutText());
    }
  }

  @Test
  void theReportListsTheAnswersWithMostDownVotesWithTheirPassages() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      String liked = store.record(answered("u1", "a"));
      String once = store.record(answered("u1", "b"));
      String twice = store.record(answered("u1", "c"));
      store.vote(liked, "discord", "u2", Vote.UP);
      store.vote(once, "discord", "u2", Vote.DOWN);
      store.vote(twice, "discord", "u2", Vote.DOWN);
      store.vote(twice, "discord", "u3", Vote.DOWN);
      Report r = store.report(Duration.ofDays(7), 10);
      assertEquals(
          List.of(
              new Report.Disliked(twice, "", "125%", 2, 0, "v1", List.of(PASSAGE)),
              new Report.Disliked(once, "", "125%", 1, 0, "v1", List.of(PASSAGE))),
          r.disliked());
    }
  }

  @Test
  void theReportsTotalsCountEveryDeclineAndVotedDownAnswerNotOnlyTheRowsItLists() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      for (int i = 0; i < 3; i++) {
        store.record(declined("u1", "declined " + i));
        store.vote(store.record(answered("u1", "answered " + i)), "discord", "u2", Vote.DOWN);
      }
      Report r = store.report(Duration.ofDays(7), 1);
      assertEquals(
          List.of(6, 3, 3, 1, 1),
          List.of(
              r.answers(), r.declines(), r.votedDown(), r.declined().size(), r.disliked().size()));
    }
  }

  @Test
  void questionTextIsKeptOnlyAsThePrivacySettingsAllow() {
    for (StoredQuestions kept : StoredQuestions.values()) {
      try (FeedbackStore store = open(new Privacy(kept, 90))) {
        String answeredId = store.record(answered("u1", "answered " + kept));
        store.record(declined("u1", "declined " + kept));
        store.vote(answeredId, "discord", "u1", Vote.DOWN);
        Report r = store.report(Duration.ofMinutes(1), 10);
        String answeredText = r.disliked().getFirst().question();
        List<String> declinedText = r.declined().stream().map(Report.Declined::question).toList();
        switch (kept) {
          case ALL ->
              assertEquals(
                  List.of("answered ALL", List.of("declined ALL")),
                  List.of(answeredText, declinedText));
          case DECLINED ->
              assertEquals(
                  List.of("", List.of("declined DECLINED")), List.of(answeredText, declinedText));
          case NONE -> {
            assertEquals(List.of("", List.of()), List.of(answeredText, declinedText));
            assertEquals(1, r.declinedWithoutText());
          }
        }
      }
      clock.advance(Duration.ofMinutes(2)); // each setting's rows fall out of the next report
    }
  }

  @Test
  void noUserIdIsWrittenToTheFileOnlyAKeyedHashThatStaysTheSameAcrossRestarts() throws Exception {
    Path file;
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      file = store.file();
      store.vote(
          store.record(answered("123456789012345678", "q")),
          "discord",
          "123456789012345678",
          Vote.UP);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT user_hash FROM answers UNION ALL SELECT user_hash FROM votes")) {
      List<String> hashes = new ArrayList<>();
      while (r.next()) {
        hashes.add(r.getString(1));
      }
      assertEquals(2, hashes.size());
      assertEquals(hashes.get(0), hashes.get(1));
      assertTrue(hashes.get(0).matches("[0-9a-f]{32}"), hashes.get(0));
    }
    for (String f : List.of(file.toString(), file + "-wal")) {
      if (Files.exists(Path.of(f))) {
        String bytes = new String(Files.readAllBytes(Path.of(f)), StandardCharsets.ISO_8859_1);
        assertTrue(!bytes.contains("123456789012345678"), f + " holds the user id");
      }
    }
    try (FeedbackStore reopened = open(Privacy.DEFAULTS)) {
      String id = reopened.record(answered("123456789012345678", "q2"));
      reopened.vote(id, "discord", "123456789012345678", Vote.UP);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT user_hash) FROM votes")) {
      assertEquals(1, r.getInt(1));
    }
  }

  @Test
  void answersOlderThanTheRetentionPeriodAreDeletedWithTheirVotes() {
    try (FeedbackStore store = open(new Privacy(StoredQuestions.ALL, 30))) {
      String old = store.record(declined("u1", "old question"));
      clock.advance(Duration.ofDays(29));
      store.record(declined("u1", "recent question"));
      clock.advance(Duration.ofDays(2));
      Report r = store.report(Duration.ofDays(365), 10);
      assertEquals(
          List.of("recent question"),
          r.declined().stream().map(Report.Declined::question).toList());
      assertEquals(new Voted.UnknownAnswer(old), store.vote(old, "discord", "u1", Vote.UP));
    }
  }

  private Reload reload(String version, List<String> added, List<String> reports) {
    return new Reload(
        clock.instant(),
        List.of(new Reload.Requester("discord", "123456789012345678")),
        "SWAPPED",
        version,
        5,
        added,
        List.of(),
        List.of(),
        reports,
        List.of(
            "Latest level China on US: 10% as of 2025-05-14 \"...\" (was 125% as of 2025-04-11)"),
        1,
        "loaded: 5 articles",
        Duration.ofMillis(250));
  }

  @Test
  void aReloadIsKeptWithWhatItChangedAndReportedNewestFirstWithTheRequesterHashed() {
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      Reload first = reload("v1", List.of("a1"), List.of("2025-05-14 · China on US · cut"));
      store.record(first);
      clock.advance(Duration.ofMinutes(5));
      Reload second = reload("v2", List.of("a2", "a3"), List.of());
      store.record(second);

      List<Reload> reloads = store.report(Duration.ofDays(1), 10).reloads();

      assertEquals(List.of("v2", "v1"), reloads.stream().map(Reload::version).toList());
      Reload kept = reloads.get(1);
      assertEquals(
          List.of(
              first.at(),
              "SWAPPED",
              5,
              List.of("a1"),
              List.of("2025-05-14 · China on US · cut"),
              first.levelChanges(),
              1,
              "loaded: 5 articles",
              Duration.ofMillis(250)),
          List.of(
              kept.at(),
              kept.outcome(),
              kept.articles(),
              kept.added(),
              kept.tariffReports(),
              kept.levelChanges(),
              kept.skipped(),
              kept.message(),
              kept.took()));
      Reload.Requester by = kept.by().getFirst();
      assertEquals("discord", by.via());
      assertTrue(by.who().matches("[0-9a-f]{32}"), by.who());
      assertEquals(1, store.report(Duration.ofMinutes(1), 10).reloads().size());
    }
  }

  @Test
  void reloadsOlderThanTheRetentionPeriodAreDeleted() {
    try (FeedbackStore store = open(new Privacy(StoredQuestions.ALL, 30))) {
      store.record(reload("old", List.of(), List.of()));
      clock.advance(Duration.ofDays(29));
      store.record(reload("recent", List.of(), List.of()));
      clock.advance(Duration.ofDays(2));
      assertEquals(
          List.of("recent"),
          store.report(Duration.ofDays(365), 10).reloads().stream().map(Reload::version).toList());
    }
  }

  @Test
  void whatWasRecordedIsThereAfterARestart() {
    String id;
    try (FeedbackStore store = open(Privacy.DEFAULTS)) {
      id = store.record(answered("u1", "q"));
      store.vote(id, "discord", "u2", Vote.DOWN);
    }
    try (FeedbackStore reopened = open(Privacy.DEFAULTS)) {
      assertEquals(id, reopened.report(Duration.ofDays(1), 10).disliked().getFirst().answerId());
      assertEquals(
          new Voted.Changed(Vote.DOWN, Vote.UP), reopened.vote(id, "discord", "u2", Vote.UP));
    }
  }

  @Test
  void aFileThatIsNoDatabaseIsRefusedWithItsName() throws Exception {
    Path file = tmp.resolve("broken.db");
    Files.writeString(file, "this is not a database, it is a text file long enough to be read");
    FeedbackException e =
        assertThrows(
            FeedbackException.class, () -> FeedbackStore.open(file, clock, Privacy.DEFAULTS));
    assertTrue(
        e.getMessage().startsWith("cannot open the feedback database " + file + ": "),
        e.getMessage());
  }

  @Test
  void aTemporaryStoreIsDeletedOnClose() {
    Path file;
    try (FeedbackStore store = FeedbackStore.temporary(clock, TradebotConfig.Privacy.DEFAULTS)) {
      file = store.file();
      store.record(answered("u1", "q"));
      assertTrue(Files.exists(file));
    }
    assertNotEquals(true, Files.exists(file));
  }
}
