package tradebot.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
    List<LoadError> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      warnings.add("knowledge directory " + dir + " does not exist: no sources are loaded");
      return new LoadResult(List.of(), errors, warnings, digest(List.of()));
    }
    Path root = dir.toRealPath();
    List<Path> files = list(dir, root, errors);
    record Read(Path file, Article article) {}
    List<Read> reads = new ArrayList<>();
    for (Path file : files) {
      try {
        reads.add(new Read(file, read(root, file, note -> warnings.add(file + ": " + note))));
      } catch (FileProblem e) {
        errors.add(new LoadError(file, e.line, e.getMessage()));
      }
    }
    // Ingestion is pure CPU per article: spread it over the cores.
    List<Document> ingested =
        reads.parallelStream().map(r -> ingester.ingest(r.article())).toList();
    Map<String, Document> byId = new LinkedHashMap<>();
    List<String> hashes = new ArrayList<>();
    for (Document doc : ingested) {
      Path file = doc.article().file();
      Document first = byId.get(doc.article().id());
      if (first != null) {
        errors.add(
            new LoadError(
                file,
                0,
                "duplicate id '"
                    + doc.article().id()
                    + "': already used by "
                    + first.article().file()));
      } else if (doc.sentences().isEmpty()) {
        errors.add(new LoadError(file, 0, "no article text after the front matter"));
      } else {
        byId.put(doc.article().id(), doc);
        hashes.add(doc.article().id() + "=" + doc.article().hash());
      }
    }
    if (byId.isEmpty()) {
      warnings.add(
          "no articles loaded from "
              + dir
              + ": every question will be answered with 'no sources are loaded'");
    }
    List<Document> documents =
        byId.values().stream().sorted(Comparator.comparing(d -> d.article().id())).toList();
    return new LoadResult(documents, errors, warnings, digest(hashes));
  }

  /**
   * The article files under {@code dir}, sorted. A file that vanishes while the directory is walked
   * was deleted before it could be read: it is left out, as if the walk had come a moment later. A
   * link to a directory outside {@code root} and a sub-directory that cannot be read are reported.
   */
  private static List<Path> list(Path dir, Path root, List<LoadError> errors) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        dir,
        EnumSet.noneOf(FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            return d.equals(dir) || !isHidden(dir.relativize(d))
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (isHidden(dir.relativize(f)) || attrs.isDirectory()) {
              return FileVisitResult.CONTINUE;
            }
            if (isArticleName(f)) {
              files.add(f);
            } else if (attrs.isSymbolicLink() && Files.isDirectory(f)) {
              linkedDirectory(f, root, errors);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            if (!(e instanceof NoSuchFileException) && !isHidden(dir.relativize(f))) {
              errors.add(new LoadError(f, 0, "cannot read: " + e));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  /** A link to a directory is not followed; one that leads outside {@code root} is reported. */
  private static void linkedDirectory(Path link, Path root, List<LoadError> errors) {
    try {
      Path real = link.toRealPath();
      if (!real.startsWith(root)) {
        errors.add(
            new LoadError(
                link, 0, "links outside the knowledge directory (to " + real + "): not read"));
      }
    } catch (IOException e) {
      // Gone since it was listed: nothing to report.
    }
  }

  /** Reads and parses one file, without ingesting it. */
  public static Article read(Path root, Path file) throws FileProblem {
    return read(root, file, note -> {});
  }

  /**
   * Reads and parses one file, without ingesting it; {@code notes} hears of what was read leniently
   * (an unknown front matter key, 'date' for 'published').
   */
  public static Article read(Path root, Path file, java.util.function.Consumer<String> notes)
      throws FileProblem {
    try {
      if (Files.isSymbolicLink(file) || !file.toRealPath().startsWith(root)) {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          throw new FileProblem(
              0, "links outside the knowledge directory (to " + real + "): not read");
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
      parsed.notes().forEach(notes);
      return new Article(parsed.source(), parsed.body(), file, sha256(bytes));
    } catch (NoSuchFileException e) {
      throw new FileProblem(
          0, "no longer there (deleted while loading, or a broken link): not read");
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
