package tradebot.chat;

import java.util.stream.Collectors;

/**
 * Renders a {@link ChatReply} as plain text for a terminal. A terminal shows no attachments: a
 * caller that has one (the tariff chart) writes it to a file and says where. Thread-safe.
 */
public final class TextRenderer {
  private TextRenderer() {}

  /** The reply as lines of text: lead, quotes, figures, sources, extra lines, footer. */
  public static String render(ChatReply reply) {
    StringBuilder sb = new StringBuilder(reply.lead());
    for (ChatReply.Quote q : reply.quotes()) {
      sb.append("\n  \"").append(q.text()).append("\" [").append(q.n()).append("]");
    }
    if (!reply.figures().isEmpty()) {
      sb.append("\nFigures: ").append(String.join(", ", reply.figures()));
    }
    if (!reply.sources().isEmpty()) {
      sb.append("\nSources:\n")
          .append(
              reply.sources().stream()
                  .map(
                      s ->
                          "  ["
                              + s.n()
                              + "] "
                              + s.outlet()
                              + ", "
                              + s.published()
                              + ", \""
                              + s.title()
                              + "\""
                              + (s.url() == null ? "" : " " + s.url()))
                  .collect(Collectors.joining("\n")));
    }
    for (String line : reply.lines()) {
      sb.append("\n  ").append(line);
    }
    if (!reply.footer().isEmpty()) {
      sb.append("\n-- ").append(reply.footer());
    }
    return sb.toString();
  }
}
