package tradebot.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a file a moderator uploads into the bytes of an article file for the knowledge directory: a
 * {@code .md} or {@code .txt} article with front matter is kept byte for byte; a plain text without
 * front matter, or an {@code .html} page saved from a browser ({@link HtmlPage}), gets front matter
 * from what the page's meta tags and the moderator's own fields say (the fields win). What the
 * loader then makes of the result is {@link KnowledgeLoader#check}'s to say. Thread-safe and
 * stateless.
 */
public final class ArticleUpload {
  /**
   * The longest file name kept, and the most words of the title an HTML page's file is named by.
   */
  private static final int MAX_NAME = 100;

  private static final int NAME_WORDS = 8;

  private ArticleUpload() {}

  /**
   * What the moderator said of the article along with the file; each is null when not given.
   *
   * @param published an ISO day such as 2025-04-11
   */
  public record Fields(String title, String outlet, String published, String url, String author) {
    /** The fields' names, as chat commands take them. */
    public static final List<String> NAMES =
        List.of("title", "outlet", "published", "url", "author");

    public static Fields none() {
      return new Fields(null, null, null, null, null);
    }

    /** The fields {@code given} names (by {@link #NAMES}); a blank value is not given. */
    public static Fields of(java.util.function.Function<String, String> given) {
      java.util.function.Function<String, String> v =
          name -> {
            String s = given.apply(name);
            return s == null || s.isBlank() ? null : s.strip();
          };
      return new Fields(
          v.apply("title"),
          v.apply("outlet"),
          v.apply("published"),
          v.apply("url"),
          v.apply("author"));
    }

    boolean any() {
      return title != null || outlet != null || published != null || url != null || author != null;
    }
  }

  /** What {@link #prepare} made of an upload. */
  public sealed interface Prepared {
    /**
     * An article file to write.
     *
     * @param fileName its name in the knowledge directory (no directory part)
     * @param content its bytes
     * @param notes what the moderator should know (fields not used)
     */
    record Ready(String fileName, byte[] content, List<String> notes) implements Prepared {
      public Ready {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        notes = List.copyOf(notes);
      }
    }

    /** The source lacks what a citation needs: {@code fields} are the options to give. */
    record Missing(List<String> fields, String message) implements Prepared {
      public Missing {
        fields = List.copyOf(fields);
      }
    }

    /** The upload cannot be an article; {@code message} names the bad value. */
    record Refused(String message) implements Prepared {}
  }

  /** The kinds of file taken, as the knowledge directory and a browser name them. */
  public static final List<String> EXTENSIONS = List.of(".md", ".txt", ".html", ".htm");

  /**
   * Prepares {@code bytes}, uploaded as {@code uploadName}, with what the moderator said of it.
   * Nothing is written.
   */
  public static Prepared prepare(String uploadName, byte[] bytes, Fields given) {
    Objects.requireNonNull(bytes, "bytes");
    Fields fields = given == null ? Fields.none() : given;
    String name = baseName(uploadName);
    String lower = name.toLowerCase(Locale.ROOT);
    String ext = EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse(null);
    if (ext == null) {
      return new Prepared.Refused(
          "a knowledge file must end in " + String.join(", ", EXTENSIONS) + ": " + name);
    }
    String tooLarge = KnowledgeLoader.tooLarge(bytes.length);
    if (tooLarge != null) {
      return new Prepared.Refused(name + " " + tooLarge);
    }
    if (ext.equals(".html") || ext.equals(".htm")) {
      return fromPage(HtmlPage.read(bytes), fields);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String stripped = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (stripped.lines().findFirst().orElse("").strip().equals("---")) {
      List<String> notes =
          fields.any()
              ? List.of(
                  "the fields given with the file are not used: its front matter names its"
                      + " source")
              : List.of();
      return new Prepared.Ready(safeName(name), bytes, notes);
    }
    // A plain text: its lines are the article; the fields are its source.
    List<String> lines = stripped.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return withSource(fields.title(), fields.outlet(), null, fields, lines, name);
  }

  private static Prepared fromPage(HtmlPage page, Fields fields) {
    return withSource(
        or(fields.title(), page.title()),
        or(fields.outlet(), page.outlet()),
        page.published(),
        new Fields(
            fields.title(),
            fields.outlet(),
            fields.published(),
            or(fields.url(), page.url()),
            or(fields.author(), page.author())),
        page.paragraphs(),
        null);
  }

  /**
   * Front matter from the parts, then {@code lines}; named {@code fileName} when it is a name of
   * the knowledge directory's kind, else after the source.
   */
  private static Prepared withSource(
      String title,
      String outlet,
      LocalDate pageDay,
      Fields fields,
      List<String> lines,
      String fileName) {
    LocalDate day = pageDay;
    if (fields.published() != null) {
      try {
        day = LocalDate.parse(fields.published().strip());
      } catch (DateTimeParseException e) {
        return new Prepared.Refused(
            "published must be an ISO date like 2025-04-11: " + fields.published().strip());
      }
    }
    List<String> missing = new ArrayList<>();
    if (title == null) {
      missing.add("title");
    }
    if (outlet == null) {
      missing.add("outlet");
    }
    if (day == null) {
      missing.add("published");
    }
    if (!missing.isEmpty()) {
      return new Prepared.Missing(
          missing,
          "the file does not say its "
              + String.join(", ", missing)
              + ": give "
              + (missing.size() == 1 ? "it" : "them")
              + " with the command, e.g. "
              + String.join(" ", missing.stream().map(ArticleUpload::example).toList()));
    }
    if (lines.isEmpty()) {
      return new Prepared.Refused("no article text found in the file");
    }
    String id = day + "-" + slug(outlet, 3) + "-" + slug(title, NAME_WORDS);
    id = id.length() > MAX_NAME ? id.substring(0, MAX_NAME).replaceFirst("-+$", "") : id;
    Source source = new Source(id, title, outlet, day, fields.url(), fields.author());
    String text = FrontMatter.write(source) + String.join("\n", lines) + "\n";
    String name =
        fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".txt")
            ? safeName(fileName)
            : id + ".txt";
    return new Prepared.Ready(name, text.getBytes(StandardCharsets.UTF_8), List.of());
  }

  private static String example(String field) {
    return switch (field) {
      case "published" -> "published: 2025-04-11";
      case "outlet" -> "outlet: Reuters";
      default -> field + ": <" + field + ">";
    };
  }

  private static String or(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : b;
  }

  /** The last part of an uploaded name: no directory, whatever separator the sender used. */
  private static String baseName(String uploadName) {
    String n = uploadName == null ? "" : uploadName.strip();
    int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    return n.substring(cut + 1);
  }

  /** A name safe in any file system: letters, digits, '.', '_' and '-'; never hidden. */
  static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceFirst("^[.-]+", "");
    if (s.length() > MAX_NAME) {
      int dot = s.lastIndexOf('.');
      s = s.substring(0, MAX_NAME - (s.length() - dot)) + s.substring(dot);
    }
    return s;
  }

  /** The first {@code words} words of {@code text}, lower case, joined by '-'. */
  static String slug(String text, int words) {
    String[] parts =
        text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      String ascii = p.replaceAll("[^a-z0-9]", "");
      if (!ascii.isEmpty() && kept.size() < words) {
        kept.add(ascii);
      }
    }
    return kept.isEmpty() ? "article" : String.join("-", kept);
  }
}
