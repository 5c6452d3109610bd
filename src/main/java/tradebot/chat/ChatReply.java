package tradebot.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral reply: adapters render it as a Discord embed, Slack blocks or console text,
 * without adding or reordering content. Immutable.
 *
 * @param status what kind of reply this is
 * @param lead the first line: the key figure or name, or what went wrong
 * @param quotes verbatim quotes, each with its citation number
 * @param figures figure lines, e.g. "125% (percent) [1]"
 * @param sources the numbered sources the quotes cite
 * @param lines further body lines (a sources table, a reload report, a tariff history)
 * @param footer a short line about the knowledge base (version, articles, date), or ""
 * @param attachment a file to attach (a chart), or null
 * @param ephemeral whether only the requester should see it (refusals, rate limits, errors)
 * @param answerId the id an answer or decline is kept under, for its 👍 / 👎 buttons; "" for none
 */
public record ChatReply(
    Status status,
    String lead,
    List<Quote> quotes,
    List<String> figures,
    List<SourceLine> sources,
    List<String> lines,
    String footer,
    Attachment attachment,
    boolean ephemeral,
    String answerId) {

  /** What kind of reply. */
  public enum Status {
    /** An answer with quotes. */
    ANSWER,
    /** The sources do not cover the question. */
    DECLINE,
    /** Information that is not an answer: help, sources, reload report, tariffs. */
    INFO,
    /** The user may not do this. */
    REFUSED,
    /** Too many requests. */
    RATE_LIMITED,
    /** Something broke; the lead carries an id that is in the log. */
    ERROR
  }

  /** A verbatim quote with its citation number. */
  public record Quote(int n, String text) {}

  /** A numbered source. {@code url} may be null. */
  public record SourceLine(int n, String outlet, LocalDate published, String title, String url) {}

  /** A file to attach. */
  public record Attachment(String filename, String contentType, byte[] data) {
    public Attachment {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(data, "data");
    }
  }

  public ChatReply {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lead, "lead");
    quotes = List.copyOf(quotes);
    figures = List.copyOf(figures);
    sources = List.copyOf(sources);
    lines = List.copyOf(lines);
    footer = footer == null ? "" : footer;
    answerId = answerId == null ? "" : answerId;
  }

  /** This reply, kept as {@code id} so that people can vote on it. */
  public ChatReply withAnswerId(String id) {
    return new ChatReply(
        status, lead, quotes, figures, sources, lines, footer, attachment, ephemeral, id);
  }

  /** A reply of one line and nothing else. */
  public static ChatReply text(Status status, String lead, boolean ephemeral) {
    Builder b = of(status, lead);
    return ephemeral ? b.ephemeral().build() : b.build();
  }

  /** A reply of {@code status} opening with {@code lead}, the rest named as it is added. */
  public static Builder of(Status status, String lead) {
    return new Builder(status, lead);
  }

  /** Builds a reply part by part; each part left out is empty. Not thread-safe. */
  public static final class Builder {
    private final Status status;
    private final String lead;
    private List<Quote> quotes = List.of();
    private List<String> figures = List.of();
    private List<SourceLine> sources = List.of();
    private List<String> lines = List.of();
    private String footer = "";
    private Attachment attachment;
    private boolean ephemeral;

    private Builder(Status status, String lead) {
      this.status = status;
      this.lead = lead;
    }

    public Builder quotes(List<Quote> quotes) {
      this.quotes = quotes;
      return this;
    }

    public Builder figures(List<String> figures) {
      this.figures = figures;
      return this;
    }

    public Builder sources(List<SourceLine> sources) {
      this.sources = sources;
      return this;
    }

    public Builder lines(List<String> lines) {
      this.lines = lines;
      return this;
    }

    public Builder footer(String footer) {
      this.footer = footer;
      return this;
    }

    /** A file to attach, or null for none. */
    public Builder attachment(Attachment attachment) {
      this.attachment = attachment;
      return this;
    }

    /** Only the requester sees it. */
    public Builder ephemeral() {
      this.ephemeral = true;
      return this;
    }

    public ChatReply build() {
      return new ChatReply(
          status, lead, quotes, figures, sources, lines, footer, attachment, ephemeral, "");
    }
  }
}
