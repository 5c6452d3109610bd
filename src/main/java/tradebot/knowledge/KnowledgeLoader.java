package tradebot.knowledge;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads every article of a knowledge directory ({@code .md} and {@code .txt} files, sub-directories
 * included, hidden files skipped). A file that cannot be read, is binary, too large, not UTF-8, has
 * bad front matter, no text or a duplicate id is reported and skipped; the rest load. Links that
 * lead outside the directory are never read. Thread-safe.
 */
public final class KnowledgeLoader {
  /** Files above this size are refused: no news article is this long. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private static final int MAX_DEPTH = 8;

  private final Ingester ingester;

  public KnowledgeLoader(Ingester ingester) {
    this.ingester = Objects.requireNonNull(ingester, "ingester");
  }

  /** Loads {@code dir}. Never throws for a bad file; throws only when {@code dir} is unreadable. */
  public LoadResult load(Path dir) throws IOException {
    List<Document> documents = new ArrayList<>();
    LoadResult streamed = load(dir, documents::add);
    documents.sort(Comparator.comparing(d -> d.article().id()));
    return new LoadResult(documents, streamed.errors(), streamed.warnings(), streamed.version());
  }

  /**
   * Loads {@code dir} without holding it: each document goes to {@code sink} as soon as it is
   * ingested, in file order, on the calling thread, and is not kept (the result's document list is
   * empty). Files are read and ingested on every core, a bounded window ahead of the sink, so that
   * a large knowledge base streams through in little memory while the sink (an index build) works.
   * Never throws for a bad file; throws only when {@code dir} is unreadable.
   */
  public LoadResult load(Path dir, Consumer<Document> sink) throws IOException {
    List<LoadError> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      warnings.add("knowledge directory " + dir + " does not exist: no sources are loaded");
      return new LoadResult(List.of(), errors, warnings, digest(List.of()));
    }
    Path root = dir.toRealPath();
    Map<String, Path> firstFile = new HashMap<>();
    List<String> hashes = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads, KnowledgeLoader::ingestThread);
    try {
      Deque<Future<Outcome>> window = new ArrayDeque<>();
      Iterator<Path> files = files(dir).iterator();
      while (files.hasNext() || !window.isEmpty()) {
        while (files.hasNext() && window.size() < WINDOW_PER_THREAD * threads) {
          Path file = files.next();
          window.add(pool.submit(() -> outcome(root, file)));
        }
        Outcome o = await(window.removeFirst());
        if (o.problem() != null) {
          errors.add(new LoadError(o.file(), o.problem().line, o.problem().getMessage()));
          continue;
        }
        Document doc = o.document();
        Path first = firstFile.get(doc.article().id());
        if (first != null) {
          errors.add(
              new LoadError(
                  o.file(), 0, "duplicate id '" + doc.article().id() + "': already used by " + first));
        } else if (doc.sentences().isEmpty()) {
          errors.add(new LoadError(o.file(), 0, "no article text after the front matter"));
        } else {
          firstFile.put(doc.article().id(), doc.article().file());
          hashes.add(doc.article().id() + "=" + doc.article().hash());
          sink.accept(doc);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (hashes.isEmpty()) {
      warnings.add("no articles loaded from " + dir + ": every question will be answered with 'no sources are loaded'");
    }
    return new LoadResult(List.of(), errors, warnings, digest(hashes));
  }

  /**
   * A digest of every article file under {@code dir} (its path and content), computed without
   * ingesting anything: it changes whenever a file that {@link #load} reads is added, removed or
   * edited, so a reload can tell that nothing changed before doing any work.
   */
  public static String fingerprint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return digest(List.of());
    }
    Path root = dir.toRealPath();
    List<String> parts = new ArrayList<>();
    for (Path file : files(dir)) {
      String content;
      try {
        long size = Files.size(file);
        if (!file.toRealPath().startsWith(root)) {
          content = "outside"; // never read, as load() never reads it
        } else {
          content = size > MAX_FILE_BYTES ? "size=" + size : sha256(Files.readAllBytes(file));
        }
      } catch (IOException e) {
        content = "unreadable: " + e;
      }
      parts.add(dir.relativize(file) + "=" + content);
    }
    return digest(parts);
  }

  /** Files ingested a window ahead of the sink, per thread: enough to keep every core busy. */
  private static final int WINDOW_PER_THREAD = 64;

  /** A file read and ingested, or why it could not be. */
  private record Outcome(Path file, Document document, FileProblem problem) {}

  private Outcome outcome(Path root, Path file) {
    try {
      return new Outcome(file, ingester.ingest(read(root, file)), null);
    } catch (FileProblem e) {
      return new Outcome(file, null, e);
    }
  }

  private static Outcome await(Future<Outcome> next) throws IOException {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while loading the knowledge base");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Thread ingestThread(Runnable r) {
    Thread t = new Thread(r, "knowledge-ingest");
    t.setDaemon(true);
    return t;
  }

  /** The article files under {@code dir}, sorted by path. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
      return walk.filter(p -> !p.equals(dir))
          .filter(p -> !isHidden(dir.relativize(p)))
          .filter(KnowledgeLoader::isArticleName)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  /** Reads and parses one file, without ingesting it. */
  public static Article read(Path root, Path file) throws FileProblem {
    try {
      if (Files.isSymbolicLink(file) || !file.toRealPath().startsWith(root)) {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          throw new FileProblem(0, "links outside the knowledge directory (to " + real + "): not read");
        }
      }
      if (!Files.isRegularFile(file)) {
        throw new FileProblem(0, "not a regular file");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new FileProblem(
            0, "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new FileProblem(lineAt(bytes, i), "binary file: NUL byte at offset " + i);
        }
      }
      String text = decode(bytes);
      String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
      FrontMatter.Parsed parsed;
      try {
        parsed = FrontMatter.parse(text, stem);
      } catch (FrontMatter.Problem p) {
        throw new FileProblem(p.line, p.getMessage());
      }
      return new Article(parsed.source(), parsed.body(), file, sha256(bytes));
    } catch (IOException e) {
      throw new FileProblem(0, "cannot read: " + e);
    }
  }

  /** A problem with one file, with the 1-based line it is on (0: the whole file). */
  public static final class FileProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    FileProblem(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private static String decode(byte[] bytes) throws FileProblem {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      // Find the first bad byte to name it.
      var decoder = StandardCharsets.UTF_8.newDecoder();
      ByteBuffer in = ByteBuffer.wrap(bytes);
      var result = decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
      int at = result.isError() ? in.position() : 0;
      throw new FileProblem(lineAt(bytes, at), "not valid UTF-8 at byte offset " + at);
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isArticleName(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".md") || name.endsWith(".txt"))
        && !name.equalsIgnoreCase("readme.md")
        && (Files.isRegularFile(p) || Files.isSymbolicLink(p))
        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String digest(List<String> parts) {
    return sha256(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }
}
