package tradebot.knowledge;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The bibliographic part of an article: what a citation names. Immutable and thread-safe.
 *
 * @param id stable article id (front matter {@code id}, else the file name's stem)
 * @param title short descriptive title
 * @param outlet the publication, e.g. "CNN"
 * @param published the publication date
 * @param url link to the original page, or {@code null} when unknown
 * @param author byline, or {@code null} when unknown
 */
public record Source(
    String id, String title, String outlet, LocalDate published, String url, String author) {
  public Source {
    requireText(id, "id");
    requireText(title, "title");
    requireText(outlet, "outlet");
    Objects.requireNonNull(published, "published");
    url = blankToNull(url);
    author = blankToNull(author);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank: " + value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
