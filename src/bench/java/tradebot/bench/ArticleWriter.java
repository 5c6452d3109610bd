package tradebot.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays out one generated article as a web page pasted into a knowledge file: front matter, a few
 * lines of furniture, the lead with its dateline, body paragraphs from the phrasebook's pools with
 * furniture between some of them, and the outlet's footer. One paragraph a line. Not thread-safe:
 * one per article.
 */
final class ArticleWriter {
  /** How often each pool supplies a body paragraph. */
  private static final Map<String, Integer> POOL_WEIGHTS =
      Map.of(
          "tariff",
          5,
          "negotiation",
          4,
          "quote_us",
          2,
          "quote_cn",
          2,
          "quote_analyst",
          3,
          "market",
          2,
          "background",
          3);

  private static final List<String> POOL_ORDER =
      List.of(
          "tariff", "negotiation", "quote_us", "quote_cn", "quote_analyst", "market", "background");

  private final Phrasebook book;
  private final SplittableRandom random;
  private final Slots slots;
  private final List<String> lines = new ArrayList<>();
  private final List<String> prose = new ArrayList<>();
  private final List<String> furniture = new ArrayList<>();

  ArticleWriter(Phrasebook book, SplittableRandom random, Slots slots) {
    this.book = book;
    this.random = random;
    this.slots = slots;
  }

  CorpusGenerator.Article write(String id, String relativePath, LocalDate published) {
    Phrasebook.Outlet outlet = slots.outlet();
    String title = slots.fill(slots.pick(book.titles()));
    StringBuilder text = new StringBuilder(4096);
    text.append("---\n")
        .append("id: ")
        .append(id)
        .append('\n')
        .append("title: ")
        .append(quoted(title))
        .append('\n')
        .append("outlet: ")
        .append(quoted(outlet.name()))
        .append('\n')
        .append("published: ")
        .append(published)
        .append('\n')
        .append("url: https://www.")
        .append(outlet.host())
        .append('/')
        .append(published.toString().replace('-', '/'))
        .append('/')
        .append(id)
        .append('\n');
    if (random.nextBoolean()) {
      text.append("author: ").append(quoted(slots.get("reporter"))).append('\n');
    }
    text.append("---\n");

    for (int i = random.nextInt(4); i > 0; i--) {
      furniture(slots.pick(book.furniture()));
    }
    String dateline = slots.fill(outlet.dateline());
    String lead = slots.fill(slots.pick(book.leads()));
    prose(dateline.isEmpty() ? lead : dateline + " " + lead);
    int paragraphs = 7 + random.nextInt(8);
    for (int p = 0; p < paragraphs; p++) {
      prose(paragraph(pool()));
      if (random.nextInt(4) == 0) {
        furniture(slots.pick(random.nextBoolean() ? book.furniture() : outlet.furniture()));
      }
    }
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      furniture(slots.pick(outlet.furniture()));
    }
    lines.forEach(line -> text.append(line).append('\n'));
    return new CorpusGenerator.Article(
        id, relativePath, published, text.toString(), prose, furniture);
  }

  private List<String> pool() {
    int total = POOL_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    int r = random.nextInt(total);
    for (String name : POOL_ORDER) {
      r -= POOL_WEIGHTS.get(name);
      if (r < 0) {
        List<String> pool = book.pools().get(name);
        if (pool == null || pool.isEmpty()) {
          throw new IllegalStateException(
              Phrasebook.RESOURCE + ": pool '" + name + "' is missing or empty");
        }
        return pool;
      }
    }
    throw new AssertionError("weights do not add up");
  }

  /** One to three different sentences of one pool. */
  private String paragraph(List<String> pool) {
    List<String> left = new ArrayList<>(pool);
    int sentences = Math.min(left.size(), 1 + random.nextInt(3));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(slots.fill(left.remove(random.nextInt(left.size()))));
    }
    return out.toString();
  }

  private void prose(String line) {
    lines.add(line);
    prose.add(line);
  }

  private void furniture(String template) {
    String line = slots.fill(template);
    lines.add(line);
    furniture.add(line);
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
