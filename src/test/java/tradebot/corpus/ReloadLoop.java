package tradebot.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import tradebot.index.IndexStore;

/**
 * A child process for {@link CorpusManagerIT}: reloads forever, writing variant A and B of one
 * article in turn, so that the test can kill it in the middle of a build. Prints one line per swap:
 * "swapped VARIANT VERSION PASSAGES".
 */
public final class ReloadLoop {
  private ReloadLoop() {}

  public static void main(String[] args) throws Exception {
    Path knowledge = Path.of(args[0]);
    Path config = Path.of(args[1]);
    Path data = Path.of(args[2]);
    Path target = knowledge.resolve(args[3]);
    String[] variants = {Files.readString(Path.of(args[4])), Files.readString(Path.of(args[5]))};
    try (CorpusManager m =
        new CorpusManager(knowledge, config, IndexStore.onDisk(data), Clock.systemUTC())) {
      m.start();
      for (int i = 0; ; i++) {
        Files.writeString(target, variants[i % 2]);
        ReloadReport r = m.reload("loop", "test").get();
        System.out.println(
            "swapped "
                + "AB".charAt(i % 2)
                + " "
                + r.version()
                + " "
                + r.passages()
                + " "
                + r.outcome());
        System.out.flush();
      }
    }
  }
}
