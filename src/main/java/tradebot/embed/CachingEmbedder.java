package tradebot.embed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Embedder} that embeds each passage text once: vectors are kept by a hash of the text
 * (and the model), in memory and, when given a file, on disk, so that a reload or a restart embeds
 * only text it has not seen. The file is append-only; a record cut short by a crash is dropped when
 * the file is next opened. Questions are not cached. Replicas may share the file (an index
 * directory on a shared volume): one process at a time writes it, holding a lock on {@code
 * FILE.lock} while it runs; the others read what it holds when they open and keep the vectors they
 * add in memory. Thread-safe.
 */
final class CachingEmbedder implements Embedder {
  private static final Logger log = LoggerFactory.getLogger(CachingEmbedder.class);
  private static final int MAGIC = 0x54425631; // "TBV1"

  private record Key(long hi, long lo) {}

  private final Embedder model;
  private final Map<Key, float[]> vectors = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong misses =
      new java.util.concurrent.atomic.AtomicLong();
  private final Path file; // null: memory only
  private OutputStream out; // guarded by this

  /** The write locks this process holds, by cache file: held until the process exits. */
  private static final Map<Path, java.nio.channels.FileLock> WRITING = new ConcurrentHashMap<>();

  private CachingEmbedder(Embedder model, Path file) {
    this.model = model;
    this.file = file;
  }

  /** Keeps vectors in memory only. */
  static CachingEmbedder inMemory(Embedder model) {
    return new CachingEmbedder(model, null);
  }

  /**
   * Keeps vectors in {@code file} too (created when missing); a file of another model or dimension,
   * or an unreadable one, is set aside and started afresh, which costs only time.
   */
  static CachingEmbedder onDisk(Embedder model, Path file) {
    CachingEmbedder cache = new CachingEmbedder(model, file);
    cache.open();
    return cache;
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] query(String question) {
    return model.query(question);
  }

  @Override
  public List<float[]> passages(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<Integer> missing = new ArrayList<>();
    List<String> missingTexts = new ArrayList<>();
    List<Key> keys = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Key key = key(texts.get(i));
      keys.add(key);
      float[] v = vectors.get(key);
      out.add(v);
      if (v == null) {
        missing.add(i);
        missingTexts.add(texts.get(i));
      }
    }
    if (!missingTexts.isEmpty()) {
      List<float[]> made = model.passages(missingTexts);
      misses.addAndGet(missingTexts.size());
      for (int j = 0; j < made.size(); j++) {
        int i = missing.get(j);
        out.set(i, made.get(j));
        if (vectors.putIfAbsent(keys.get(i), made.get(j)) == null) {
          append(keys.get(i), made.get(j));
        }
      }
      flush();
    }
    return out;
  }

  /** Only the texts this cache did not hold: what it asked the model to embed. */
  @Override
  public long embedded() {
    return misses.get();
  }

  /** How many passage vectors are cached. */
  int size() {
    return vectors.size();
  }

  private Key key(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(model.model().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      byte[] d = md.digest(text.getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.wrap(d);
      return new Key(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized void open() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!writable()) {
        if (Files.exists(file)) {
          read();
        }
        log.info(
            "embedding cache {} is written by another process: this one reads it and keeps the"
                + " vectors it adds in memory",
            file);
        return;
      }
      long good = Files.exists(file) ? read() : -1;
      if (good < 0) {
        // New, or of another model: start afresh with a header.
        try (DataOutputStream header =
            new DataOutputStream(
                Files.newOutputStream(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE))) {
          writeHeader(header);
        }
      } else if (good < Files.size(file)) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(good); // a record cut short by a crash
        }
      }
      out =
          new java.io.BufferedOutputStream(
              Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the embedding cache " + file, e);
    }
  }

  /**
   * Whether this process writes the file: it holds, or now takes, the lock on {@code FILE.lock}
   * (advisory, across processes; released when the process exits).
   */
  private boolean writable() throws IOException {
    Path key = file.toAbsolutePath().normalize();
    synchronized (WRITING) {
      if (WRITING.containsKey(key)) {
        return true;
      }
      FileChannel ch =
          FileChannel.open(
              key.resolveSibling(key.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        return false;
      }
      WRITING.put(key, lock);
      return true;
    }
  }

  /** Reads the file's vectors; returns the length of its whole records, or -1 to start afresh. */
  private long read() throws IOException {
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(raw)) {
      long pos;
      try {
        if (in.readInt() != MAGIC
            || !in.readUTF().equals(model.model())
            || in.readInt() != model.dimension()) {
          log.info("embedding cache {} is of another model: starting afresh", file);
          return -1;
        }
        pos = headerLength();
      } catch (EOFException e) {
        return -1;
      }
      int dim = model.dimension();
      long record = 16 + 4L * dim;
      while (true) {
        try {
          Key key = new Key(in.readLong(), in.readLong());
          float[] v = new float[dim];
          for (int i = 0; i < dim; i++) {
            v[i] = in.readFloat();
          }
          vectors.put(key, v);
          pos += record;
        } catch (EOFException e) {
          return pos;
        }
      }
    }
  }

  private long headerLength() {
    return 4 + 2 + model.model().getBytes(StandardCharsets.UTF_8).length + 4;
  }

  private void writeHeader(DataOutputStream header) throws IOException {
    header.writeInt(MAGIC);
    header.writeUTF(model.model());
    header.writeInt(model.dimension());
  }

  private synchronized void append(Key key, float[] v) {
    if (out == null) {
      return;
    }
    try {
      ByteBuffer b = ByteBuffer.allocate(16 + 4 * v.length);
      b.putLong(key.hi()).putLong(key.lo());
      for (float x : v) {
        b.putFloat(x);
      }
      out.write(b.array());
    } catch (IOException e) {
      // The cache only saves time: serve on without it.
      log.warn(
          "embedding cache {} is not writable ({}); vectors kept in memory", file, e.getMessage());
      out = null;
    }
  }

  private synchronized void flush() {
    if (out == null) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      log.warn(
          "embedding cache {} is not writable ({}); vectors kept in memory", file, e.getMessage());
      out = null;
    }
  }
}
