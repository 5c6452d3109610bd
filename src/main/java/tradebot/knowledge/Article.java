package tradebot.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One knowledge file as loaded: its front matter and its body exactly as pasted from the web page
 * (page furniture included). Offsets of sentences, passages and figures are offsets into {@link
 * #body()}. Immutable and thread-safe.
 *
 * @param source the bibliographic part
 * @param body the text after the front matter, verbatim
 * @param file the file it was read from
 * @param hash SHA-256 of the whole file, hex
 */
public record Article(Source source, String body, Path file, String hash) {
  public Article {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(hash, "hash");
  }

  public String id() {
    return source.id();
  }
}
