package tradebot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {
  /** A model of two dimensions whose vector is the text's length and first letter: exact. */
  static final class CountingModel implements Embedder {
    final List<String> seen = new ArrayList<>();

    @Override
    public String model() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] query(String question) {
      return new float[] {question.length(), question.charAt(0)};
    }

    @Override
    public synchronized List<float[]> passages(List<String> texts) {
      seen.addAll(texts);
      return texts.stream().map(this::query).toList();
    }

    @Override
    public long embedded() {
      return seen.size();
    }
  }

  @Test
  void eachTextIsEmbeddedOnceAndComesBackInOrder() {
    CountingModel model = new CountingModel();
    CachingEmbedder cache = CachingEmbedder.inMemory(model);
    List<float[]> first = cache.passages(List.of("alpha", "be"));
    List<float[]> second = cache.passages(List.of("be", "gamma", "alpha"));
    assertEquals(List.of("alpha", "be", "gamma"), model.seen);
    assertArrayEquals(first.get(1), second.get(0));
    assertArrayEquals(new float[] {5, 'g'}, second.get(1));
    assertEquals(3, cache.embedded());
  }

  @Test
  void vectorsWrittenToDiskAreReadBackByANewCache(@TempDir Path dir) {
    Path file = dir.resolve("v.bin");
    CachingEmbedder.onDisk(new CountingModel(), file).passages(List.of("alpha", "be"));
    CountingModel again = new CountingModel();
    List<float[]> read = CachingEmbedder.onDisk(again, file).passages(List.of("be", "alpha"));
    assertEquals(List.of(), again.seen);
    assertArrayEquals(new float[] {2, 'b'}, read.get(0));
  }

  @Test
  void aRecordCutShortByACrashIsDroppedAndTheRestKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("v.bin");
    CachingEmbedder.onDisk(new CountingModel(), file).passages(List.of("alpha", "be"));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(file) - 3); // the last record loses its tail
    }
    CountingModel again = new CountingModel();
    CachingEmbedder cache = CachingEmbedder.onDisk(again, file);
    cache.passages(List.of("alpha", "be"));
    assertEquals(List.of("be"), again.seen);
    // The re-embedded record was appended whole after the cut: a third reader needs nothing.
    CountingModel third = new CountingModel();
    CachingEmbedder.onDisk(third, file).passages(List.of("alpha", "be"));
    assertEquals(List.of(), third.seen);
  }

  @Test
  void aFileOfAnotherModelIsStartedAfresh(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("v.bin");
    Files.writeString(file, "not a vector file");
    CountingModel model = new CountingModel();
    CachingEmbedder.onDisk(model, file).passages(List.of("alpha"));
    assertEquals(List.of("alpha"), model.seen);
  }
}
