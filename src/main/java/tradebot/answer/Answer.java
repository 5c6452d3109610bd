package tradebot.answer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Source;

/**
 * The bot's reply to one question: answered with cited quotes, declined because the sources do not
 * cover it, or refused because there was no question to answer. Immutable.
 */
public sealed interface Answer permits Answer.Answered, Answer.NotFound, Answer.Refused {

  /** The question as answered (possibly shortened, see {@link #note()}). */
  String question();

  /** A remark on how the question was read (e.g. shortened), or empty. */
  String note();

  /** How long answering took. */
  Duration took();

  /** Whether the bot answered. */
  default boolean answered() {
    return this instanceof Answered;
  }

  /**
   * A question answered from the sources.
   *
   * @param lead one short sentence that puts the key figure or name up front; it only restates
   *     spans of citation 1's quote, or, for a question about a tariff level, says what the tariff
   *     tracker reads in the cited sentences (direction, level, "computed" for a sum it made, and
   *     the "as of" date)
   * @param kind the question type the answer was built for
   * @param citations the quotes, numbered from 1, best first
   * @param figures the figures inside the quotes, each naming its citation
   * @param confidence 0 to 1: how well the best quote covers the question
   */
  record Answered(
      String question,
      String note,
      String lead,
      QuestionType kind,
      List<Citation> citations,
      List<CitedFigure> figures,
      double confidence,
      Duration took)
      implements Answer {
    public Answered {
      Objects.requireNonNull(lead, "lead");
      citations = List.copyOf(citations);
      figures = List.copyOf(figures);
      if (citations.isEmpty()) {
        throw new IllegalArgumentException("an answer needs at least one citation");
      }
    }
  }

  /**
   * A question the sources do not cover.
   *
   * @param message what to tell the user
   * @param confidence the best candidate's confidence, below the threshold
   */
  record NotFound(String question, String note, String message, double confidence, Duration took)
      implements Answer {}

  /**
   * Nothing to answer: an empty question, or no sources loaded.
   *
   * @param reason why
   * @param message what to tell the user
   */
  record Refused(String question, String note, Reason reason, String message, Duration took)
      implements Answer {
    /** Why a question was not even looked up. */
    public enum Reason {
      EMPTY_QUESTION,
      NO_SOURCES
    }
  }

  /**
   * A verbatim quote and where it comes from.
   *
   * @param n 1-based citation number
   * @param source the article
   * @param quote the article's text, verbatim but for collapsed whitespace
   * @param start offset of the quote's first character in the article body
   * @param end offset after its last character
   */
  record Citation(int n, Source source, String quote, int start, int end) {}

  /**
   * A figure and the citation whose quote holds it.
   *
   * @param figure the figure
   * @param citation the citation number
   */
  record CitedFigure(Figure figure, int citation) {}
}
