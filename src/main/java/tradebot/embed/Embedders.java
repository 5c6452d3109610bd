package tradebot.embed;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where embedders come from: one model per process (it takes seconds and 300 MB to load), loaded on
 * first use, behind a cache of passage vectors. Thread-safe.
 */
public final class Embedders {
  private static final Map<Path, Embedder> ON_DISK = new ConcurrentHashMap<>();

  private Embedders() {}

  private static final class Model {
    static final Embedder E5 = new E5Embedder();
  }

  private static final class Shared {
    static final Embedder MEMORY = CachingEmbedder.inMemory(Model.E5);
  }

  /** The process's model with an in-memory cache (tests, benchmarks, an in-memory index). */
  public static Embedder inMemory() {
    return Shared.MEMORY;
  }

  /**
   * The process's model with its passage vectors also kept under {@code dir}: one cache per
   * directory in a process.
   */
  public static Embedder onDisk(Path dir) {
    return ON_DISK.computeIfAbsent(file(dir), f -> CachingEmbedder.onDisk(Model.E5, f));
  }

  /**
   * A new cache over the vectors kept under {@code dir}, as a restarted process would read them
   * (tests); {@link #onDisk} shares one.
   */
  public static Embedder reopen(Path dir) {
    return CachingEmbedder.onDisk(Model.E5, file(dir));
  }

  private static Path file(Path dir) {
    return dir.toAbsolutePath().normalize().resolve("embeddings-" + E5Embedder.MODEL + ".bin");
  }
}
