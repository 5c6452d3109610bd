package tradebot.facts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells who imposes a tariff and on whom from the country names in a clause: the country whose
 * goods are covered is the target ("duties on Chinese imports", "imports from China", "tariffs
 * against Mexico"); the nearest other name before the tariff word is the imposer ("Beijing hiked
 * tariffs", "Trump announced he would impose new levies"), else one after "by". Thread-safe.
 */
final class Roles {
  private static final Pattern ON_COUNTRY =
      Pattern.compile(
          "^\\s+(?:\\p{L}+\\s+)?(?:on|against)\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BY =
      Pattern.compile("(?<![\\p{L}])by\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);

  private final Coverage coverage;

  Roles(Coverage coverage) {
    this.coverage = coverage;
  }

  /** The ISO code of the country whose goods the clause covers, or null. */
  String target(TariffExtractor.Clause c, Coverage.Span money, Coverage.Span on) {
    for (Coverage.Span span : new Coverage.Span[] {money, on}) {
      if (span == null) {
        continue;
      }
      for (Countries.Mention m : c.mentions()) {
        if (m.start() >= span.start() && m.end() <= span.end()) {
          return m.iso();
        }
      }
    }
    String s = c.s();
    for (Countries.Mention m : inClause(c)) {
      if (m.start() >= c.anchorEnd()
          && ON_COUNTRY.matcher(s.substring(c.anchorEnd(), m.start())).matches()) {
        return m.iso(); // "tariffs on China", "duties against Mexico"
      }
    }
    for (Countries.Mention m : inClause(c)) {
      if (coverage.goodsAfter(s, m.end()) || coverage.goodsFromBefore(s, m.start())) {
        return m.iso();
      }
    }
    return null;
  }

  /** The ISO code of the country that imposes the tariff, other than {@code target}, or null. */
  String imposer(TariffExtractor.Clause c, String target) {
    String s = c.s();
    List<Countries.Mention> all = c.mentions();
    for (int i = all.size() - 1; i >= 0; i--) {
      Countries.Mention m = all.get(i);
      if (m.end() > c.anchorStart() || m.iso().equals(target)) {
        continue;
      }
      if (coverage.goodsAfter(s, m.end()) || coverage.goodsFromBefore(s, m.start())) {
        continue; // "on all US goods": a target, not an actor
      }
      return m.iso();
    }
    for (Countries.Mention m : inClause(c)) {
      if (m.start() >= c.anchorEnd()
          && !m.iso().equals(target)
          && BY.matcher(s.substring(Math.max(c.anchorEnd(), m.start() - 12), m.start())).find()) {
        return m.iso(); // "tariffs imposed by Washington"
      }
    }
    return null;
  }

  private static List<Countries.Mention> inClause(TariffExtractor.Clause c) {
    return c.mentions().stream().filter(m -> m.start() >= c.start() && m.end() <= c.end()).toList();
  }
}
