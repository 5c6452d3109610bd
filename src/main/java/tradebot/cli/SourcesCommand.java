package tradebot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.corpus.Corpus;
import tradebot.service.TradeService;

/** {@code tradebot sources}: the articles loaded, and the files skipped. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "List the loaded articles (id, outlet, date, title, passages, figures).")
final class SourcesCommand implements Callable<Integer> {
  @Mixin Options options;

  @Override
  public Integer call() {
    try (App app = App.startOneShot(options.config())) {
      TradeService.Listing c = app.service().sources();
      System.out.printf(
          "%-44s %-42s %-10s %8s %7s  %s%n",
          "id", "outlet", "published", "passages", "figures", "title");
      for (Corpus.ArticleInfo a : c.articles()) {
        System.out.printf(
            "%-44s %-42s %-10s %8d %7d  %s%n",
            a.source().id(),
            a.source().outlet(),
            a.source().published(),
            a.passages(),
            a.figures(),
            a.source().title());
      }
      System.out.printf(
          "%d articles, %d passages, %d figures, version %s%n",
          c.articles().size(), c.passages(), c.figures(), c.base().version());
      c.skipped().forEach(e -> System.out.println("skipped " + e));
    }
    return 0;
  }
}
