package tradebot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradebot.config.TradebotConfig;
import tradebot.knowledge.Article;
import tradebot.knowledge.BoilerplateCleaner;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LineVerdict;
import tradebot.knowledge.Sentence;

/**
 * {@code tradebot inspect FILE}: shows how one knowledge file is ingested: every line of its body
 * kept or dropped and by which rule of {@code boilerplate.yaml}, then the sentences made of the
 * kept lines. For checking a new article or a rule change before reloading.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Show each line of a knowledge file kept or dropped (and why), then its sentences.")
final class InspectCommand implements Callable<Integer> {
  /** Lines longer than this are cut in the table; --full shows them whole. */
  private static final int TEXT_WIDTH = 110;

  @Mixin Options options;

  @Option(names = "--full", description = "Show long lines whole instead of cutting them.")
  boolean full;

  @Parameters(paramLabel = "FILE", description = "The knowledge file (YAML front matter + body).")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    if (!Files.isRegularFile(file)) {
      err.println("tradebot inspect: " + file + ": no such file");
      return 1;
    }
    Article article;
    try {
      Path real = file.toRealPath();
      article = KnowledgeLoader.read(real.getParent(), real);
    } catch (KnowledgeLoader.FileProblem p) {
      err.println(
          "tradebot inspect: "
              + file
              + (p.line() > 0 ? ":" + p.line() : "")
              + ": "
              + p.getMessage());
      return 1;
    }
    TradebotConfig config = options.config();
    Ingester ingester = Ingester.fromConfig(config.configDir());
    BoilerplateCleaner cleaner = ingester.cleaner();
    String body = article.body();
    List<LineVerdict> verdicts = cleaner.classify(body, article.source().title());
    int firstLine = bodyFirstLine(file, body);
    int width = verdicts.stream().mapToInt(v -> v.reason().length()).max().orElse(5);
    out.printf(
        "%s  (%s, %s, %s)%nline numbers are the file's; the body starts at line %d%n%n",
        article.id(),
        article.source().outlet(),
        article.source().published(),
        article.source().title(),
        firstLine);
    int kept = 0;
    Set<String> fired = new LinkedHashSet<>();
    for (LineVerdict v : verdicts) {
      String text = body.substring(v.start(), v.end()).replace('\t', ' ').stripTrailing();
      if (!full && text.length() > TEXT_WIDTH) {
        text = text.substring(0, TEXT_WIDTH - 1) + "…";
      }
      out.printf(
          "%s %4d %-" + width + "s | %s%n",
          v.kept() ? "KEEP" : "DROP",
          v.number() + firstLine - 1,
          v.reason(),
          text);
      kept += v.kept() ? 1 : 0;
      if (!v.kept() && !v.reason().equals(BoilerplateCleaner.BLANK)) {
        fired.add(v.reason());
      }
    }
    out.printf("%n%d lines: %d kept, %d dropped%n", verdicts.size(), kept, verdicts.size() - kept);
    for (String reason : fired) {
      out.printf("  %-" + width + "s  %s%n", reason, cleaner.why(reason).orElse(""));
    }
    Document doc = ingester.ingest(article);
    out.printf("%n%d sentences:%n", doc.sentences().size());
    int n = 1;
    for (Sentence s : doc.sentences()) {
      String figures =
          s.figures().isEmpty()
              ? ""
              : "   ["
                  + String.join(
                      ", ",
                      s.figures().stream().map(f -> f.kind().label() + " " + f.text()).toList())
                  + "]";
      out.printf("%3d. %s%s%n", n++, s.text(), figures);
    }
    return 0;
  }

  /** The file line the body starts on: the lines of the front matter, plus one. */
  private static int bodyFirstLine(Path file, String body) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int at = text.length() - body.length();
      return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    } catch (java.io.IOException | RuntimeException e) {
      return 1;
    }
  }
}
