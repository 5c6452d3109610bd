package tradebot.knowledge;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads every article of a knowledge directory ({@code .md} and {@code .txt} files, sub-directories
 * included, hidden files skipped). A file that cannot be read, is binary, too large, not UTF-8, has
 * bad front matter, no text or a duplicate id is reported and skipped; the rest load. Links that
 * lead outside the directory are never read. Thread-safe.
 *
 * <p>A large knowledge base streams through {@link #load(Path, Function, Sink)}: files are read and
 * ingested on every core a bounded window ahead of the consumer, and nothing is kept.
 */
public final class KnowledgeLoader {
  /** Files above this size are refused: no news article is this long. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** Files ingested a window ahead of the sink, per thread: enough to keep every core busy. */
  private static final int WINDOW_PER_THREAD = 32;

  private final Ingester ingester;

  public KnowledgeLoader(Ingester ingester) {
    this.ingester = Objects.requireNonNull(ingester, "ingester");
  }

  /** Takes each loaded document, or what was made of it, in file order on the loading thread. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T item) throws IOException;
  }

  /**
   * Loads {@code dir}, keeping every document (sorted by id). Never throws for a bad file; throws
   * only when {@code dir} is unreadable.
   */
  public LoadResult load(Path dir) throws IOException {
    List<Document> documents = new ArrayList<>();
    LoadResult streamed = load(dir, Function.identity(), documents::add);
    documents.sort(Comparator.comparing(d -> d.article().id()));
    return new LoadResult(documents, streamed.errors(), streamed.warnings(), streamed.version());
  }

  /**
   * Loads {@code dir} without holding it: each document that loads is handed to {@code prepare} on
   * an ingesting thread (it must not keep it, and must be thread-safe: it also sees the few
   * documents that are then refused as duplicates), and what it makes goes to {@code sink} in file
   * order on the calling thread. The result's document list is empty; its errors, warnings and
   * version are those of {@link #load(Path)}. Never throws for a bad file; throws when {@code dir}
   * is unreadable or the sink throws.
   */
  public <T> LoadResult load(
      Path dir, Function<? super Document, ? extends T> prepare, Sink<? super T> sink)
      throws IOException {
    Objects.requireNonNull(prepare, "prepare");
    Objects.requireNonNull(sink, "sink");
    List<LoadError> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      warnings.add("knowledge directory " + dir + " does not exist: no sources are loaded");
      return new LoadResult(List.of(), errors, warnings, KnowledgeFiles.digest(List.of()));
    }
    Path root = dir.toRealPath();
    List<Path> files = KnowledgeFiles.list(dir, root, errors);
    // Reported as the one-pass loader did: unreadable files in file order, then the refused ones.
    List<LoadError> refused = new ArrayList<>();
    Map<String, Path> firstFile = new HashMap<>();
    List<String> tokens = new ArrayList<>(files.size());
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, KnowledgeLoader::ingestThread);
    try {
      Deque<Future<Outcome<T>>> window = new ArrayDeque<>();
      Iterator<Path> next = files.iterator();
      while (next.hasNext() || !window.isEmpty()) {
        while (next.hasNext() && window.size() < WINDOW_PER_THREAD * threads) {
          Path file = next.next();
          window.add(pool.submit(() -> outcome(dir, root, file, prepare)));
        }
        Outcome<T> o = await(window.removeFirst());
        tokens.add(o.token());
        if (o.problem() != null) {
          errors.add(new LoadError(o.file(), o.problem().line, o.problem().getMessage()));
          continue;
        }
        o.notes().forEach(note -> warnings.add(o.file() + ": " + note));
        Document doc = o.document();
        Path first = firstFile.get(doc.article().id());
        if (first != null) {
          refused.add(
              new LoadError(
                  o.file(),
                  0,
                  "duplicate id '" + doc.article().id() + "': already used by " + first));
        } else if (doc.sentences().isEmpty()) {
          refused.add(new LoadError(o.file(), 0, "no article text after the front matter"));
        } else {
          firstFile.put(doc.article().id(), doc.article().file());
          sink.accept(o.prepared());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    errors.addAll(refused);
    if (firstFile.isEmpty()) {
      warnings.add(
          "no articles loaded from "
              + dir
              + ": every question will be answered with 'no sources are loaded'");
    }
    return new LoadResult(List.of(), errors, warnings, KnowledgeFiles.digest(tokens));
  }

  /**
   * A digest of every article file under {@code dir}, its path and its content, computed without
   * parsing or ingesting anything: the version {@link #load} reports when no file changes while it
   * loads. It changes whenever an article file is added, removed, renamed or edited, so a reload
   * can tell that nothing changed before doing any work.
   */
  public static String fingerprint(Path dir) throws IOException {
    return KnowledgeFiles.fingerprint(dir);
  }

  /** A file read and ingested (and prepared), or why it could not be. */
  private record Outcome<T>(
      Path file,
      String token,
      Document document,
      List<String> notes,
      T prepared,
      FileProblem problem) {}

  private <T> Outcome<T> outcome(
      Path dir, Path root, Path file, Function<? super Document, ? extends T> prepare) {
    byte[] bytes;
    try {
      bytes = KnowledgeFiles.readBytes(root, file);
    } catch (FileProblem p) {
      return new Outcome<>(
          file, KnowledgeFiles.token(dir, file, KnowledgeFiles.unread(p)), null, null, null, p);
    }
    String hash = KnowledgeFiles.sha256(bytes);
    String token = KnowledgeFiles.token(dir, file, hash);
    List<String> notes = new ArrayList<>();
    Article article;
    try {
      article = parse(file, bytes, hash, notes::add);
    } catch (FileProblem p) {
      return new Outcome<>(file, token, null, null, null, p);
    }
    Document doc = ingester.ingest(article);
    T prepared = doc.sentences().isEmpty() ? null : prepare.apply(doc);
    return new Outcome<>(file, token, doc, notes, prepared, null);
  }

  private static <T> T await(Future<T> next) throws IOException {
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

  /**
   * What loading {@code bytes} as the file {@code file} gives, with the errors a load of the
   * directory would report for it (binary, not UTF-8, too large, bad front matter, no text), for a
   * file before it is written. Duplicate ids are the caller's to check against what serves.
   *
   * @throws FileProblem naming the line and what is wrong
   */
  public Document check(Path file, byte[] bytes) throws FileProblem {
    String tooLarge = tooLarge(bytes.length);
    if (tooLarge != null) {
      throw new FileProblem(0, "file " + tooLarge);
    }
    Document doc = ingester.ingest(parse(file, bytes, KnowledgeFiles.sha256(bytes), note -> {}));
    if (doc.sentences().isEmpty()) {
      throw new FileProblem(0, "no article text after the front matter");
    }
    return doc;
  }

  /**
   * Why a file of {@code size} bytes is not loaded ("is 9000000 bytes; the limit is 8388608
   * bytes"), or null when its size is fine.
   */
  public static String tooLarge(long size) {
    return size > MAX_FILE_BYTES
        ? "is " + size + " bytes; the limit is " + MAX_FILE_BYTES + " bytes"
        : null;
  }

  /** Whether the knowledge directory loads a file of this name (.md or .txt, not a README). */
  public static boolean isArticleFileName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return (n.endsWith(".md") || n.endsWith(".txt")) && !n.equals("readme.md");
  }

  /** Reads and parses one file, without ingesting it. */
  public static Article read(Path root, Path file) throws FileProblem {
    return read(root, file, note -> {});
  }

  /**
   * Reads and parses one file, without ingesting it; {@code notes} hears of what was read leniently
   * (an unknown front matter key, 'date' for 'published').
   */
  public static Article read(Path root, Path file, Consumer<String> notes) throws FileProblem {
    byte[] bytes = KnowledgeFiles.readBytes(root, file);
    return parse(file, bytes, KnowledgeFiles.sha256(bytes), notes);
  }

  private static Article parse(Path file, byte[] bytes, String hash, Consumer<String> notes)
      throws FileProblem {
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
    parsed.notes().forEach(notes);
    return new Article(parsed.source(), parsed.body(), file, hash);
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
}
