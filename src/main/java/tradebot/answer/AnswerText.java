package tradebot.answer;

import java.util.stream.Collectors;

/** Renders an answer as plain text for a person: lead, quotes, figures, sources. Thread-safe. */
public final class AnswerText {
  private AnswerText() {}

  /** The answer as a person reads it on a terminal. */
  public static String render(Answer answer) {
    return switch (answer) {
      case Answer.Answered a -> {
        StringBuilder sb = new StringBuilder(a.lead()).append("\n");
        for (Answer.Citation c : a.citations()) {
          sb.append("\n  \"").append(c.quote()).append("\" [").append(c.n()).append("]");
        }
        if (!a.figures().isEmpty()) {
          sb.append("\n\nFigures: ")
              .append(
                  a.figures().stream()
                      .map(f -> f.figure().text() + " [" + f.citation() + "]")
                      .collect(Collectors.joining(", ")));
        }
        sb.append("\n\nSources:");
        for (Answer.Citation c : a.citations()) {
          sb.append("\n  [")
              .append(c.n())
              .append("] ")
              .append(c.source().outlet())
              .append(", ")
              .append(c.source().published())
              .append(", \"")
              .append(c.source().title())
              .append("\"");
          if (c.source().url() != null) {
            sb.append(" ").append(c.source().url());
          }
        }
        if (!a.note().isEmpty()) {
          sb.append("\n\n(").append(a.note()).append(")");
        }
        yield sb.toString();
      }
      case Answer.NotFound nf ->
          nf.message() + (nf.note().isEmpty() ? "" : "\n(" + nf.note() + ")");
      case Answer.Refused r -> r.message();
    };
  }
}
