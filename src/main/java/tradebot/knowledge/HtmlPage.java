package tradebot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A news page saved from a browser, read into what an article file holds: its main text, one
 * paragraph per line, and what its meta tags say of it (title, outlet, date, link, byline). The
 * main text is the container with the most paragraph prose; navigation, page header and footer,
 * asides, forms, scripts, ad slots and link lists are left out by the page's structure (elements
 * and ARIA roles), by class and id names that mark page furniture, and by link density (a block
 * that is mostly links is a link list). Immutable and thread-safe.
 *
 * @param title the headline, or null when the page names none
 * @param outlet the publication, or null
 * @param published the publication day, or null
 * @param url the canonical link, or null
 * @param author the byline, or null
 * @param paragraphs the main text's blocks, in page order, white space collapsed
 */
public record HtmlPage(
    String title,
    String outlet,
    LocalDate published,
    String url,
    String author,
    List<String> paragraphs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Elements that are never article text. */
  private static final String NEVER_TEXT =
      "script, style, noscript, template, iframe, svg, canvas, form, button, input, select,"
          + " textarea, nav, aside, footer, header, dialog, [hidden], [aria-hidden=true],"
          + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [role=search], [role=dialog], [role=alert]";

  /**
   * Class and id names of page furniture: the "unlikely candidates" of Mozilla's Readability, plus
   * the names ad slots, share bars and newsletter boxes go by. An element whose names also say it
   * holds the content ({@link #CONTENT_NAMES}) is kept.
   */
  private static final Pattern FURNITURE_NAMES =
      Pattern.compile(
          "(?i)(^|[\\s_-])(ad|ads|advert|advertisement|adslot|dfp|sponsor(ed)?|promo|banner|"
              + "breadcrumbs?|comments?|community|disqus|menu|related|recirc|more-stories|"
              + "newsletter|subscribe|signup|paywall|share|sharing|social|sidebar|rail|"
              + "skyscraper|popup|modal|cookie|gdpr|consent|pagination|pager|tags|trending|"
              + "most-read|mostread|outbrain|taboola)([\\s_-]|$)");

  private static final Pattern CONTENT_NAMES =
      Pattern.compile("(?i)(^|[\\s_-])(article|story|content|main|body|text)([\\s_-]|$)");

  /** Blocks of text, in the order the page shows them. */
  private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

  /** A block with more of its text in links than this is a link list. */
  private static final double MAX_LINK_DENSITY = 0.5;

  public HtmlPage {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Reads a page from its bytes; the charset is the page's own (meta tag or BOM), else UTF-8. */
  public static HtmlPage read(byte[] html) {
    org.jsoup.nodes.Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), null, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bytes from memory", e);
    }
    List<JsonNode> linked = linkedData(doc);
    String outlet =
        first(
            meta(doc, "og:site_name"),
            meta(doc, "application-name"),
            ld(linked, "publisher", "name"),
            meta(doc, "publisher"));
    String title =
        first(
            meta(doc, "og:title"),
            meta(doc, "twitter:title"),
            ld(linked, "headline"),
            text(doc.selectFirst("h1")),
            withoutOutlet(doc.title(), outlet));
    LocalDate published =
        day(
            meta(doc, "article:published_time"),
            meta(doc, "datePublished"),
            ld(linked, "datePublished"),
            meta(doc, "pubdate"),
            meta(doc, "publishdate"),
            meta(doc, "parsely-pub-date"),
            meta(doc, "dc.date.issued"),
            meta(doc, "date"),
            attr(doc.selectFirst("article time[datetime], time[pubdate]"), "datetime"));
    String url =
        first(
            attr(doc.selectFirst("link[rel=canonical]"), "href"),
            meta(doc, "og:url"),
            ld(linked, "url"));
    String author =
        first(
            meta(doc, "author"),
            ld(linked, "author", "name"),
            text(doc.selectFirst("[rel=author]")),
            notALink(meta(doc, "article:author")));
    return new HtmlPage(title, outlet, published, url, author, mainText(doc));
  }

  private static List<String> mainText(org.jsoup.nodes.Document doc) {
    Element body = doc.body();
    body.select(NEVER_TEXT).remove();
    for (Element e : body.select("[class], [id]")) {
      String names = e.className() + " " + e.id();
      if (FURNITURE_NAMES.matcher(names).find() && !CONTENT_NAMES.matcher(names).find()) {
        e.remove();
      }
    }
    Element main = container(body);
    List<String> out = new ArrayList<>();
    for (Element block : main.select(BLOCKS)) {
      if (block.select(BLOCKS).size() > 1) {
        continue; // its inner blocks are taken one by one
      }
      String text = block.text().strip();
      if (text.isEmpty() || linkDensity(block, text) > MAX_LINK_DENSITY) {
        continue;
      }
      out.add(text);
    }
    return out;
  }

  /**
   * Where the article's text is: the {@code <article>} or main region with the most paragraph text,
   * else the element whose own paragraphs hold the most text, else the whole body.
   */
  private static Element container(Element body) {
    Optional<Element> marked =
        body.select("article, main, [role=main], [itemprop=articleBody]").stream()
            .max(Comparator.comparingInt(HtmlPage::paragraphText));
    if (marked.isPresent() && paragraphText(marked.get()) > 0) {
      return marked.get();
    }
    Element best = body;
    int bestText = 0;
    for (Element p : body.select("p")) {
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      int text = 0;
      for (Element child : parent.children()) {
        if (child.nameIs("p")) {
          text += child.text().length();
        }
      }
      if (text > bestText) {
        best = parent;
        bestText = text;
      }
    }
    return best;
  }

  private static int paragraphText(Element e) {
    int n = 0;
    for (Element p : e.select("p")) {
      n += p.text().length();
    }
    return n;
  }

  private static double linkDensity(Element block, String text) {
    int linked = 0;
    for (Element a : block.select("a")) {
      linked += a.text().length();
    }
    return (double) linked / text.length();
  }

  private static List<JsonNode> linkedData(org.jsoup.nodes.Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode node = JSON.readTree(script.data());
        if (node == null) {
          continue;
        }
        JsonNode graph = node.path("@graph");
        if (node.isArray()) {
          node.forEach(out::add);
        } else if (graph.isArray()) {
          graph.forEach(out::add);
        } else {
          out.add(node);
        }
      } catch (IOException e) {
        // A page's broken structured data is no reason to refuse it: the meta tags still count.
      }
    }
    // Articles first: a page's graph also describes the site and its breadcrumbs.
    out.sort(Comparator.comparing(n -> n.path("@type").asText().endsWith("Article") ? 0 : 1));
    return out;
  }

  private static String ld(List<JsonNode> nodes, String... path) {
    for (JsonNode node : nodes) {
      JsonNode v = node;
      for (String key : path) {
        v = v.isArray() && !v.isEmpty() ? v.get(0).path(key) : v.path(key);
      }
      if (v.isArray() && !v.isEmpty()) {
        v = v.get(0);
      }
      if (v.isValueNode() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /** The content of {@code <meta property=name>}, {@code name=name} or {@code itemprop=name}. */
  private static String meta(org.jsoup.nodes.Document doc, String name) {
    for (Element m : doc.select("meta[content]")) {
      for (String key : List.of("property", "name", "itemprop")) {
        if (m.attr(key).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          String v = m.attr("content").strip();
          if (!v.isEmpty()) {
            return v;
          }
        }
      }
    }
    Element item = doc.selectFirst("[itemprop=" + name + "][datetime]");
    return item == null ? null : blankToNull(item.attr("datetime"));
  }

  private static String text(Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  private static String attr(Element e, String name) {
    return e == null ? null : blankToNull(e.attr(name));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String notALink(String s) {
    return s == null || s.startsWith("http://") || s.startsWith("https://") ? null : s;
  }

  /** "Tariffs rise again - Reuters" without " - Reuters" when Reuters is the outlet. */
  private static String withoutOutlet(String title, String outlet) {
    String t = blankToNull(title);
    if (t == null || outlet == null) {
      return t;
    }
    for (String sep : List.of(" - ", " | ", " – ", " — ", " : ")) {
      if (t.endsWith(sep + outlet)) {
        return t.substring(0, t.length() - sep.length() - outlet.length()).strip();
      }
    }
    return t;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** The first of {@code values} that is an ISO day or timestamp, as a day. */
  private static LocalDate day(String... values) {
    for (String v : values) {
      if (v == null) {
        continue;
      }
      String s = v.strip();
      try {
        return OffsetDateTime.parse(s).toLocalDate();
      } catch (DateTimeParseException notATimestamp) {
        if (s.length() >= 10) {
          try {
            return LocalDate.parse(s.substring(0, 10));
          } catch (DateTimeParseException notADay) {
            // try the next
          }
        }
      }
    }
    return null;
  }
}
