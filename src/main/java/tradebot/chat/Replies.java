package tradebot.chat;

import java.util.ArrayList;
import java.util.List;
import tradebot.answer.Answer;

/** Turns an {@link Answer} into a {@link ChatReply}. Thread-safe. */
public final class Replies {
  private Replies() {}

  /** The reply for {@code answer}, with {@code footer} under it. */
  public static ChatReply of(Answer answer, String footer) {
    return switch (answer) {
      case Answer.Answered a -> {
        List<ChatReply.Quote> quotes = new ArrayList<>();
        List<ChatReply.SourceLine> sources = new ArrayList<>();
        for (Answer.Citation c : a.citations()) {
          quotes.add(new ChatReply.Quote(c.n(), c.quote()));
          sources.add(
              new ChatReply.SourceLine(
                  c.n(),
                  c.source().outlet(),
                  c.source().published(),
                  c.source().title(),
                  c.source().url()));
        }
        List<String> figures =
            a.figures().stream()
                .map(
                    f ->
                        f.figure().text()
                            + " ("
                            + f.figure().kind().label()
                            + ") ["
                            + f.citation()
                            + "]")
                .toList();
        List<String> lines = a.note().isEmpty() ? List.of() : List.of(a.note());
        yield ChatReply.of(ChatReply.Status.ANSWER, a.lead())
            .quotes(quotes)
            .figures(figures)
            .sources(sources)
            .lines(lines)
            .footer(footer)
            .build();
      }
      case Answer.NotFound nf ->
          ChatReply.of(ChatReply.Status.DECLINE, nf.message())
              .lines(nf.note().isEmpty() ? List.of() : List.of(nf.note()))
              .footer(footer)
              .build();
      case Answer.Refused r -> ChatReply.text(ChatReply.Status.DECLINE, r.message(), false);
    };
  }
}
