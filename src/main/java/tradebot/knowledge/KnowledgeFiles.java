package tradebot.knowledge;

import java.io.IOException;
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
import java.util.List;

/**
 * The article files of a knowledge directory and their raw bytes: which files {@link
 * KnowledgeLoader} reads, how it reads them, and what each one's content is for the knowledge
 * version. Thread-safe and stateless.
 */
final class KnowledgeFiles {
  private static final int MAX_DEPTH = 8;

  private KnowledgeFiles() {}

  /**
   * The article files under {@code dir}, sorted. A file that vanishes while the directory is walked
   * was deleted before it could be read: it is left out, as if the walk had come a moment later. A
   * link to a directory outside {@code root} and a sub-directory that cannot be read are reported.
   */
  static List<Path> list(Path dir, Path root, List<LoadError> errors) throws IOException {
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

  /**
   * The bytes of one article file, or why they are not read: a link outside {@code root}, not a
   * regular file, over {@link KnowledgeLoader#MAX_FILE_BYTES}, gone, or unreadable.
   */
  static byte[] readBytes(Path root, Path file) throws KnowledgeLoader.FileProblem {
    try {
      if (Files.isSymbolicLink(file) || !file.toRealPath().startsWith(root)) {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          throw new KnowledgeLoader.FileProblem(
              0, "links outside the knowledge directory (to " + real + "): not read");
        }
      }
      if (!Files.isRegularFile(file)) {
        throw new KnowledgeLoader.FileProblem(0, "not a regular file");
      }
      String tooLarge = KnowledgeLoader.tooLarge(Files.size(file));
      if (tooLarge != null) {
        throw new KnowledgeLoader.FileProblem(0, "file " + tooLarge);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new KnowledgeLoader.FileProblem(
          0, "no longer there (deleted while loading, or a broken link): not read");
    } catch (IOException e) {
      throw new KnowledgeLoader.FileProblem(0, "cannot read: " + e);
    }
  }

  /** What a file read as, for the version: its content's digest, or why it was not read. */
  static String token(Path dir, Path file, String content) {
    return dir.relativize(file) + "=" + content;
  }

  /** The content part of a token when the bytes could not be read. */
  static String unread(KnowledgeLoader.FileProblem problem) {
    return "unread: " + problem.getMessage();
  }

  /**
   * A digest of every article file under {@code dir}: its path and content digest (or why it cannot
   * be read), in file order. Reads every file but parses none.
   */
  static String fingerprint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return digest(List.of());
    }
    Path root = dir.toRealPath();
    List<Path> files = list(dir, root, new ArrayList<>());
    // Hashing is the whole cost: spread it over the cores, keeping file order.
    List<String> tokens =
        files.parallelStream()
            .map(
                f -> {
                  try {
                    return token(dir, f, sha256(readBytes(root, f)));
                  } catch (KnowledgeLoader.FileProblem p) {
                    return token(dir, f, unread(p));
                  }
                })
            .toList();
    return digest(tokens);
  }

  static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static boolean isArticleName(Path p) {
    return KnowledgeLoader.isArticleFileName(p.getFileName().toString())
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

  /** A short digest of {@code parts}, one per line. */
  static String digest(List<String> parts) {
    return sha256(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }
}
