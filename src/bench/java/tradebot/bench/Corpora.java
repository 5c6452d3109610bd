package tradebot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tradebot.knowledge.Article;
import tradebot.knowledge.KnowledgeLoader;

/**
 * The corpora benchmarks run on: the seed articles as they are, and generated corpora with the seed
 * articles added (so the dev-set questions keep their answers among many distractors), each with a
 * question file. Generated corpora are cached under the work directory and rebuilt only when their
 * size, seed or the phrasebook changed. Thread-safe.
 */
public final class Corpora {
  /** Generated questions asked on a generated corpus, besides the dev set. */
  static final int GENERATED_QUESTIONS = 5_000;

  private final Path work;
  private final Path seeds;
  private final long seed;
  private final CorpusGenerator generator = CorpusGenerator.standard();

  /**
   * @param work where corpora, indexes and question files go (under target/, never committed)
   * @param seeds the seed knowledge directory
   * @param seed the generator's seed
   */
  public Corpora(Path work, Path seeds, long seed) {
    this.work = work;
    this.seeds = seeds;
    this.seed = seed;
  }

  /** The seed corpus, asked the dev-set questions. */
  public InProcessSuite.Corpus seeds(List<String> devQuestions, String heap) throws IOException {
    Path questions = write("questions-seeds.txt", devQuestions);
    return new InProcessSuite.Corpus(
        "seeds", seeds, work.resolve("data-seeds"), questions, heap, heap);
  }

  /**
   * A corpus of {@code articles} generated articles and the seeds, asked the dev-set questions and
   * as many generated ones; generated when missing.
   */
  public InProcessSuite.Corpus generated(
      int articles, List<String> devQuestions, String heap, String baselineHeap)
      throws IOException {
    String name = label(articles);
    Path dir = work.resolve("corpus-" + articles);
    if (!generator.holds(dir, articles, seed)) {
      System.out.printf("[bench] generating %,d articles into %s ...%n", articles, dir);
      generator.write(dir, articles, seed);
    }
    Path copies = Files.createDirectories(dir.resolve("seeds"));
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = copies.resolve(f.getFileName().toString());
        if (!Files.exists(to) || Files.mismatch(f, to) != -1) {
          Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    List<String> questions = new ArrayList<>(devQuestions);
    // Thousands of questions, so that a run rarely asks one twice and caches do not flatter it.
    questions.addAll(generator.questions(seed, GENERATED_QUESTIONS));
    Path file = write("questions-" + name + ".txt", questions);
    return new InProcessSuite.Corpus(
        name, dir, work.resolve("data-" + articles), file, heap, baselineHeap);
  }

  /** "10k" for 10000, "100k" for 100000, the number otherwise. */
  public static String label(int articles) {
    return articles % 1000 == 0 ? articles / 1000 + "k" : Integer.toString(articles);
  }

  /** Every article file of {@code dir}, read but not ingested, sorted by path. */
  public static List<Article> articles(Path dir) throws IOException {
    Path root = dir.toRealPath();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(dir.relativize(p)))
              .filter(
                  p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|md)"))
              .filter(p -> !p.getFileName().toString().equalsIgnoreCase("readme.md"))
              .sorted()
              .toList();
    }
    List<Article> out = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        out.add(KnowledgeLoader.read(root, f));
      } catch (KnowledgeLoader.FileProblem e) {
        // The bot skips it too.
      }
    }
    return out;
  }

  private Path write(String name, List<String> lines) throws IOException {
    Files.createDirectories(work);
    return Files.write(work.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
