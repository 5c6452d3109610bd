package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
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
  public static final String SCHEMA_VERSION = "schema-9-" + Schema.analysisFingerprint();

  private static final String CURRENT = "CURRENT";
  private static final String PREFIX = "index-";
  private static final AtomicLong BUILDS = new AtomicLong();

  /**
   * This host's name as partial builds carry it: replicas on other hosts (or containers, whose
   * process ids repeat) sharing the directory are told apart by it.
   */
  private static final String HOST = hostName();

  /** How long another host's partial build is taken for running. */
  private static final java.time.Duration FOREIGN_BUILD = java.time.Duration.ofHours(1);

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.]", "_");
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

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
      log.error(
          "data directory {} is not writable ({}); keeping the index in memory",
          dataDir,
          e.toString());
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
    String version =
        currentVersion().orElseThrow(() -> new IOException("no index has been built yet"));
    if (dataDir == null) {
      return new LucenePassageIndex(memory);
    }
    Path dir = dataDir.resolve(PREFIX + version);
    if (!Files.isDirectory(dir)) {
      throw new IOException("CURRENT names " + dir + ", which is missing");
    }
    Directory directory = FSDirectory.open(dir);
    try {
      return LucenePassageIndex.verified(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw new IOException("index " + dir + " cannot be opened: " + e.getMessage(), e);
    }
  }

  /**
   * Builds an index of {@code passages}, makes it current and opens it. The previous index stays on
   * disk (and open, for whoever holds it) until {@link #prune} removes it.
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
    Path tmp =
        dataDir.resolve(
            PREFIX
                + "next.build-"
                + ProcessHandle.current().pid()
                + "-"
                + BUILDS.incrementAndGet());
    return new IndexBuild(this, FSDirectory.open(tmp), tmp);
  }

  /**
   * Makes a committed build index {@code version} and the current one, and opens it. Replicas that
   * share the directory install one at a time (a lock on {@code .install.lock}); one that finds the
   * version installed by another keeps that one.
   */
  PassageIndex install(String version, Directory built, Path tmp) throws IOException {
    if (dataDir == null) {
      memory = built;
      memoryVersion = version;
      return new LucenePassageIndex(built);
    }
    built.close();
    Path target = dataDir.resolve(PREFIX + version);
    ReentrantLock here = INSTALLING.computeIfAbsent(key(dataDir), k -> new ReentrantLock());
    here.lock();
    try (FileChannel ch =
            FileChannel.open(
                dataDir.resolve(".install.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock across = ch.lock()) {
      if (Files.isDirectory(target) && intact(target)) {
        // Same content already built (e.g. back to an earlier version, or by another replica
        // sharing this directory): keep the existing one.
        deleteTree(tmp);
      } else {
        // A damaged directory of this version goes (readers still holding its files keep them).
        deleteTree(target);
        move(tmp, target);
      }
      Path next = dataDir.resolve(CURRENT + ".tmp");
      Files.writeString(next, version + "\n", StandardCharsets.UTF_8);
      move(next, dataDir.resolve(CURRENT));
    } finally {
      here.unlock();
    }
    return new LucenePassageIndex(FSDirectory.open(target));
  }

  /** In-process half of the install lock (a file lock is held by the process, not the thread). */
  private static final Map<Path, ReentrantLock> INSTALLING = new ConcurrentHashMap<>();

  private static Path key(Path dir) {
    return dir.toAbsolutePath().normalize();
  }

  /** Throws away a build that failed or was not committed. */
  void abandon(Directory built, Path tmp) {
    try {
      built.close();
    } catch (IOException e) {
      log.warn("cannot close an abandoned index build: {}", e.toString());
    }
    if (tmp != null) {
      try {
        deleteTree(tmp);
      } catch (UncheckedIOException e) {
        log.warn("cannot remove {} ({}); the next prune will", tmp, e.getCause().toString());
      }
    }
  }

  static void checkVersion(String version) {
    if (version == null || !version.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("bad index version: " + version);
    }
  }

  /** Whether the index in {@code dir} opens and every file matches its checksum. */
  private static boolean intact(Path dir) {
    try (Directory directory = FSDirectory.open(dir);
        PassageIndex index = LucenePassageIndex.verified(directory)) {
      return index.passageCount() >= 0;
    } catch (IOException | RuntimeException e) {
      log.warn("index {} is damaged ({}); replacing it", dir, e.toString());
      return false;
    }
  }

  /** Deletes every index but the current one and {@code keep}, and abandoned partial builds. */
  public void prune(String keep) {
    prune(Set.of(keep));
  }

  /**
   * Deletes every index but the current one and those in {@code keep} (still open for questions in
   * flight), and the partial builds of processes that are no longer running (a build killed
   * midway). Never throws: what cannot be deleted is logged and left for the next prune.
   */
  public void prune(Collection<String> keep) {
    if (dataDir == null) {
      return;
    }
    String current = currentVersion().orElse(null);
    List<Path> children;
    try (Stream<Path> list = Files.list(dataDir)) {
      children = list.toList();
    } catch (IOException e) {
      log.warn("cannot prune {}: {}", dataDir, e.toString());
      return;
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      int build = name.indexOf(".build-");
      if (build >= 0) {
        if (builderAlive(name.substring(build + ".build-".length()), child)) {
          continue;
        }
      } else {
        String version = name.substring(PREFIX.length());
        if (version.equals(current) || keep.contains(version)) {
          continue;
        }
      }
      try {
        deleteTree(child);
        log.debug("removed {}", child);
      } catch (UncheckedIOException e) {
        log.warn(
            "cannot remove {} ({}); will try again at the next prune",
            child,
            e.getCause().toString());
      }
    }
  }

  /**
   * Whether the process that named a partial build "pid-n-host" is still running it: a process of
   * this host by its id, another host's by the build's age.
   */
  private static boolean builderAlive(String name, Path dir) {
    String[] parts = name.split("-", 3);
    String host = parts.length == 3 ? parts[2] : HOST;
    if (!host.equals(HOST)) {
      try {
        return Files.getLastModifiedTime(dir)
            .toInstant()
            .isAfter(java.time.Instant.now().minus(FOREIGN_BUILD));
      } catch (IOException e) {
        return true;
      }
    }
    try {
      long pid = Long.parseLong(parts[0]);
      return pid == ProcessHandle.current().pid()
          || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The index document of one passage: its fields and its payload, with the text fields (focus,
   * context, words, title) and the payload's tokens as made by {@link IndexBuild#prepare}.
   */
  static Document toDocument(
      Passage p,
      Field focus,
      Field context,
      Field words,
      Field title,
      List<List<Token>> tokens,
      float[] vector,
      float[] windowVector) {
    Document doc = new Document();
    long day = p.source().published().toEpochDay();
    doc.add(new StringField(Schema.ID, p.id(), Field.Store.YES));
    doc.add(new StringField(Schema.ARTICLE, p.source().id(), Field.Store.NO));
    doc.add(focus);
    doc.add(context);
    doc.add(words);
    doc.add(title);
    if (vector != null) {
      doc.add(new KnnFloatVectorField(Schema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new LongPoint(Schema.PUBLISHED, day));
    doc.add(new NumericDocValuesField(Schema.PUBLISHED, day));
    doc.add(
        new BinaryDocValuesField(
            Schema.PAYLOAD, new BytesRef(PayloadCodec.write(new PayloadCodec.Payload(p, tokens)))));
    return doc;
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
