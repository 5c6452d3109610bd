package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.knowledge.Passage;

/**
 * Where passage indexes live: in memory (tests), or on disk under a data directory, one
 * sub-directory per knowledge version with a {@code CURRENT} file naming the last good one. A new
 * index is built beside the old one and becomes current only once committed, so a crash mid-build
 * leaves the last good index in place. Thread-safe; builds are serialized by the caller.
 */
public final class IndexStore {
  private static final Logger log = LoggerFactory.getLogger(IndexStore.class);
  /** Bump when the schema or the analysis changes: indexes of another layout are rebuilt. */
  public static final String SCHEMA_VERSION = "schema-4";

  private static final String CURRENT = "CURRENT";
  private static final String PREFIX = "index-";
  private static final AtomicLong BUILDS = new AtomicLong();

  private final Path dataDir; // null: in memory
  private volatile Directory memory; // the current in-memory index, when dataDir is null
  private volatile String memoryVersion;

  private IndexStore(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Indexes in memory only: nothing survives the process. */
  public static IndexStore inMemory() {
    return new IndexStore(null);
  }

  /**
   * Indexes under {@code dataDir}, created if missing. When it cannot be written, logs why and
   * falls back to memory, so that the bot still answers.
   */
  public static IndexStore onDisk(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path probe = Files.createTempFile(dataDir, ".probe", ".tmp");
      Files.delete(probe);
      return new IndexStore(dataDir);
    } catch (IOException | SecurityException e) {
      log.error("data directory {} is not writable ({}); keeping the index in memory", dataDir, e.toString());
      return inMemory();
    }
  }

  /** Whether indexes are kept on disk. */
  public boolean persistent() {
    return dataDir != null;
  }

  /** The version of the last good index, if there is one. */
  public Optional<String> currentVersion() {
    if (dataDir == null) {
      return Optional.ofNullable(memoryVersion);
    }
    try {
      Path current = dataDir.resolve(CURRENT);
      if (!Files.isRegularFile(current)) {
        return Optional.empty();
      }
      String version = Files.readString(current, StandardCharsets.UTF_8).strip();
      return version.isEmpty() ? Optional.empty() : Optional.of(version);
    } catch (IOException e) {
      log.warn("cannot read {}: {}", dataDir.resolve(CURRENT), e.toString());
      return Optional.empty();
    }
  }

  /**
   * Opens the last good index.
   *
   * @throws IOException when there is none, or it is corrupt (then rebuild it)
   */
  public PassageIndex openCurrent() throws IOException {
    String version = currentVersion().orElseThrow(() -> new IOException("no index has been built yet"));
    if (dataDir == null) {
      return new LucenePassageIndex(memory);
    }
    Path dir = dataDir.resolve(PREFIX + version);
    if (!Files.isDirectory(dir)) {
      throw new IOException("CURRENT names " + dir + ", which is missing");
    }
    Directory directory = FSDirectory.open(dir);
    try {
      return new LucenePassageIndex(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw new IOException("index " + dir + " cannot be opened: " + e.getMessage(), e);
    }
  }

  /**
   * Builds an index of {@code passages}, makes it current and opens it. The previous index stays
   * on disk (and open, for whoever holds it) until {@link #prune} removes it.
   */
  public PassageIndex build(String version, Iterable<Passage> passages) throws IOException {
    checkVersion(version);
    try (IndexBuild build = begin()) {
      build.addAll(passages);
      return build.commit(version);
    }
  }

  /**
   * Starts a new index beside the current one, to be filled passage by passage and committed (or
   * closed to throw it away). Builds are serialized by the caller.
   */
  public IndexBuild begin() throws IOException {
    if (dataDir == null) {
      return new IndexBuild(this, new ByteBuffersDirectory(), null);
    }
    Path tmp = dataDir.resolve(PREFIX + "next.build-" + ProcessHandle.current().pid() + "-" + BUILDS.incrementAndGet());
    return new IndexBuild(this, FSDirectory.open(tmp), tmp);
  }

  /** Makes a committed build index {@code version} and the current one, and opens it. */
  PassageIndex install(String version, Directory built, Path tmp) throws IOException {
    if (dataDir == null) {
      memory = built;
      memoryVersion = version;
      return new LucenePassageIndex(built);
    }
    built.close();
    Path target = dataDir.resolve(PREFIX + version);
    if (Files.isDirectory(target)) {
      // Same content already built (e.g. a reload with nothing changed): keep the existing one.
      deleteTree(tmp);
    } else {
      move(tmp, target);
    }
    Path next = dataDir.resolve(CURRENT + ".tmp");
    Files.writeString(next, version + "\n", StandardCharsets.UTF_8);
    move(next, dataDir.resolve(CURRENT));
    return new LucenePassageIndex(FSDirectory.open(target));
  }

  /** Throws away a build that failed or was not committed. */
  void abandon(Directory built, Path tmp) {
    try {
      built.close();
    } catch (IOException e) {
      log.warn("cannot close an abandoned index build: {}", e.toString());
    }
    if (tmp != null) {
      deleteTree(tmp);
    }
  }

  static void checkVersion(String version) {
    if (version == null || !version.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("bad index version: " + version);
    }
  }

  /** Deletes every index but the current one and {@code keep}, and abandoned partial builds. */
  public void prune(String keep) {
    if (dataDir == null) {
      return;
    }
    String current = currentVersion().orElse(keep);
    try (Stream<Path> children = Files.list(dataDir)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(PREFIX)
            && !name.equals(PREFIX + current)
            && !name.equals(PREFIX + keep)
            && !name.contains(".build-" + ProcessHandle.current().pid() + "-")) {
          deleteTree(child);
        }
      }
    } catch (IOException e) {
      log.warn("cannot prune {}: {}", dataDir, e.toString());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
