package tradebot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes realistic trade-news articles in the knowledge format, so that corpora of 1k, 10k or 100k
 * articles can be built on any machine: outlets and datelines, dates from 2017 to 2026, tariff
 * sentences with rates, amounts and dates, quotes from officials and analysts, and page furniture
 * (captions, video tiles, share prompts) for the cleaner to drop. Article {@code n} of seed {@code
 * s} is always the same text, whatever else is generated, so output is deterministic for a seed.
 * Thread-safe.
 */
public final class CorpusGenerator {
  static final int FIRST_YEAR = 2017;
  static final int LAST_YEAR = 2026;

  /** A hidden file naming what a directory holds; the knowledge loader skips hidden files. */
  public static final String MARKER = ".tradebot-corpus";

  private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
  private static final int DAYS =
      (int) (LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());

  /**
   * One generated article: the file's text and which of its lines are prose and which furniture.
   */
  public record Article(
      String id,
      String relativePath,
      LocalDate published,
      String text,
      List<String> prose,
      List<String> furniture) {
    public Article {
      Objects.requireNonNull(id, "id");
      prose = List.copyOf(prose);
      furniture = List.copyOf(furniture);
    }
  }

  private final Phrasebook book;

  private CorpusGenerator(Phrasebook book) {
    this.book = book;
  }

  /** A generator with the phrasebook shipped in the jar. */
  public static CorpusGenerator standard() {
    return new CorpusGenerator(Phrasebook.standard());
  }

  /** The phrasebook's edition: corpora of another edition differ for the same seed. */
  public int edition() {
    return book.edition();
  }

  /** What {@link #MARKER} says for {@code articles} articles of {@code seed}. */
  public String marker(int articles, long seed) {
    return "articles=" + articles + " seed=" + seed + " edition=" + book.edition() + "\n";
  }

  /** Article {@code n} (0-based) of {@code seed}. */
  public Article article(long seed, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("article number must not be negative: " + n);
    }
    SplittableRandom random = random(seed, n);
    LocalDate published = FIRST_DAY.plusDays(random.nextInt(DAYS));
    Slots slots = new Slots(book, random, published);
    String outlet = slots.get("outlet");
    String slug =
        outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String id = published + "-" + slug + "-g" + String.format(Locale.ROOT, "%06d", n);
    return new ArticleWriter(book, random, slots)
        .write(id, published.getYear() + "/" + id + ".txt", published);
  }

  /**
   * Questions of the kind people ask about such articles, {@code count} of them, deterministic for
   * {@code seed}: for latency runs at scale (they are not scored).
   */
  public List<String> questions(long seed, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SplittableRandom random = random(seed ^ 0x5DEECE66DL, i);
      LocalDate published = FIRST_DAY.plusDays(random.nextInt(DAYS));
      Slots slots = new Slots(book, random, published);
      out.add(slots.fill(book.questions().get(random.nextInt(book.questions().size()))));
    }
    return out;
  }

  /**
   * Writes articles {@code 0..articles-1} of {@code seed} under {@code out}, one directory per
   * year, and the {@link #MARKER}. {@code out} must be missing, empty, or a corpus this generator
   * wrote (which is then replaced).
   *
   * @return the total bytes written
   * @throws IllegalArgumentException when {@code out} holds anything else
   */
  public long write(Path out, int articles, long seed) throws IOException {
    if (articles < 0) {
      throw new IllegalArgumentException("article count must not be negative: " + articles);
    }
    prepare(out);
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      Files.createDirectories(out.resolve(Integer.toString(year)));
    }
    long bytes =
        IntStream.range(0, articles)
            .parallel()
            .mapToLong(
                n -> {
                  Article a = article(seed, n);
                  byte[] data = a.text().getBytes(StandardCharsets.UTF_8);
                  try {
                    Files.write(out.resolve(a.relativePath()), data);
                  } catch (IOException e) {
                    throw new UncheckedIOException(
                        "cannot write " + out.resolve(a.relativePath()), e);
                  }
                  return data.length;
                })
            .sum();
    Files.writeString(out.resolve(MARKER), marker(articles, seed), StandardCharsets.UTF_8);
    return bytes;
  }

  /** Whether {@code dir} already holds exactly {@code articles} articles of {@code seed}. */
  public boolean holds(Path dir, int articles, long seed) throws IOException {
    Path marker = dir.resolve(MARKER);
    return Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.UTF_8).equals(marker(articles, seed));
  }

  private static void prepare(Path out) throws IOException {
    if (!Files.exists(out)) {
      Files.createDirectories(out);
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException("output " + out + " is not a directory");
    }
    boolean empty;
    try (Stream<Path> children = Files.list(out)) {
      empty = children.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    if (!Files.isRegularFile(out.resolve(MARKER))) {
      throw new IllegalArgumentException(
          "output "
              + out
              + " is not empty and was not written by gen-corpus (no "
              + MARKER
              + "); choose another directory");
    }
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(out)) {
          Files.delete(p);
        }
      }
    }
  }

  private static SplittableRandom random(long seed, int n) {
    // SplittableRandom mixes its seed, so neighbouring articles are unrelated.
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
  }

  static String monthName(LocalDate date) {
    return date.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
  }
}
