package tradebot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.config.TradebotConfig;

/**
 * The feedback database keeps every answer and vote whose write returned, when the process that
 * wrote them is killed with SIGKILL in the middle of writing more; and it opens again afterwards.
 */
class FeedbackSurvivesKillIT {
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

  @TempDir Path tmp;

  @Test
  void everyAcknowledgedAnswerAndVoteIsThereAfterKillNine() throws Exception {
    Path file = tmp.resolve(FeedbackStore.FILE);
    Process writer =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                WritesUntilKilled.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Set<String> answers = new LinkedHashSet<>();
    Set<String> votes = new LinkedHashSet<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (votes.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
        if (line.startsWith("answer ")) {
          answers.add(line.substring(7));
        } else if (line.startsWith("vote ")) {
          votes.add(line.substring(5));
        }
      }
      // SIGKILL on Unix: no shutdown hook, no close. Through the handle, which leaves the pipe
      // open.
      writer.toHandle().destroyForcibly();
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
      // Lines written before the kill and not yet read are acknowledged too.
      while ((line = out.readLine()) != null) {
        if (line.startsWith("answer ")) {
          answers.add(line.substring(7));
        } else if (line.startsWith("vote ")) {
          votes.add(line.substring(5));
        }
      }
    }
    assertEquals(137, writer.exitValue(), "killed by SIGKILL");
    assertTrue(votes.size() >= ACKNOWLEDGED_BEFORE_KILL, "votes acknowledged: " + votes.size());

    try (FeedbackStore reopened =
            FeedbackStore.open(file, Clock.systemUTC(), TradebotConfig.Privacy.DEFAULTS);
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      Set<String> missingAnswers = new LinkedHashSet<>();
      Set<String> missingVotes = new LinkedHashSet<>();
      try (PreparedStatement a = db.prepareStatement("SELECT 1 FROM answers WHERE id = ?");
          PreparedStatement v =
              db.prepareStatement("SELECT 1 FROM votes WHERE answer_id = ? AND vote = -1")) {
        for (String id : answers) {
          if (!exists(a, id)) {
            missingAnswers.add(id);
          }
        }
        for (String id : votes) {
          if (!exists(v, id)) {
            missingVotes.add(id);
          }
        }
      }
      assertEquals(Set.of(), missingAnswers, "answers acknowledged and lost");
      assertEquals(Set.of(), missingVotes, "votes acknowledged and lost");
      // and the reopened store goes on writing: the first vote was the writer's first, by voter-0
      String id = votes.iterator().next();
      assertEquals(
          new Voted.Changed(Vote.DOWN, Vote.UP), reopened.vote(id, "discord", "voter-0", Vote.UP));
      assertTrue(reopened.report(Duration.ofDays(1), 10).answers() >= answers.size());
    }
  }

  private static boolean exists(PreparedStatement q, String id) throws Exception {
    q.setString(1, id);
    try (ResultSet r = q.executeQuery()) {
      return r.next();
    }
  }
}
