package tradebot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only: a temporary copy of a knowledge directory's files, for tests that add articles to it;
 * deleted on close.
 */
public final class KnowledgeCopy implements AutoCloseable {
  /** The name of {@link #brokenArticle()} in the tests that upload it. */
  public static final String BROKEN_NAME = "broken.md";

  /** What the bot answers to an upload of {@link #brokenArticle()} named {@link #BROKEN_NAME}. */
  public static final String BROKEN_REFUSAL =
      "Not added: broken.md:4: published must be an ISO date like 2025-04-11: 5 May."
          + " Nothing was changed.";

  private final Path dir;

  private KnowledgeCopy(Path dir) {
    this.dir = dir;
  }

  /** A copy of the regular files directly in {@code source}. */
  public static KnowledgeCopy of(Path source) throws IOException {
    Path dir = Files.createTempDirectory("tradebot-knowledge");
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return new KnowledgeCopy(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The names of the files in the copy, sorted. */
  public List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** An article whose date (line 4) is no ISO date: the loader refuses it. */
  public static byte[] brokenArticle() {
    return "---\ntitle: T\noutlet: O\npublished: 5 May\n---\nText here.\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A test resource's bytes ({@code /html/wire-article.html}). */
  public static byte[] resource(String name) throws IOException {
    try (InputStream in = KnowledgeCopy.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
