package tradebot.feedback;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import tradebot.config.TradebotConfig;

/**
 * A process for {@link FeedbackSurvivesKillIT}: records answers and votes on them as fast as it
 * can, printing "answer ID" once each answer's record returned and "vote ID" once its vote did,
 * until it is killed.
 */
public final class WritesUntilKilled {
  private WritesUntilKilled() {}

  public static void main(String[] args) {
    FeedbackStore store =
        FeedbackStore.open(Path.of(args[0]), Clock.systemUTC(), TradebotConfig.Privacy.DEFAULTS);
    for (int i = 0; ; i++) {
      String id =
          store.record(
              new Given(
                  "discord",
                  "user-" + (i % 7),
                  "question " + i,
                  "v1",
                  i % 3 == 0,
                  "lead " + i,
                  List.of(new Given.Passage("a", "title", "quote " + i))));
      System.out.println("answer " + id);
      store.vote(id, "discord", "voter-" + (i % 5), Vote.DOWN);
      System.out.println("vote " + id);
      System.out.flush();
    }
  }
}
