package tradebot.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What moderators need to see about one period: the questions the bot declined most often, the
 * answers people voted down most, and the reloads of the knowledge base. Immutable.
 *
 * @param from the period's start (inclusive)
 * @param to the period's end: when the report was made
 * @param answers answers and declines given in the period
 * @param declines declines given in the period, all of them (not only those listed)
 * @param votedDown answers of the period with at least one 👎, all of them (not only those listed)
 * @param declined declined questions whose text was kept, most frequent first
 * @param declinedWithoutText declines whose question text the privacy settings did not keep
 * @param disliked answers with at least one 👎, most 👎 first
 * @param reloads the last reloads of the period, newest first (requesters' ids hashed)
 */
public record Report(
    Instant from,
    Instant to,
    int answers,
    int declines,
    int votedDown,
    List<Declined> declined,
    int declinedWithoutText,
    List<Disliked> disliked,
    List<Reload> reloads) {
  public Report {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    declined = List.copyOf(declined);
    disliked = List.copyOf(disliked);
    reloads = List.copyOf(reloads);
  }

  /**
   * A question the bot declined, with how often it was asked in the period (the same text, ignoring
   * case and surrounding spaces) and when last; {@code question} is the last wording.
   */
  public record Declined(String question, int times, Instant last) {}

  /**
   * An answer people voted down.
   *
   * @param answerId the id shown in the answer's footer
   * @param question what was asked, or "" when the privacy settings did not keep it
   * @param lead the answer's first line
   * @param down 👎 votes
   * @param up 👍 votes
   * @param passages the passages it cited
   */
  public record Disliked(
      String answerId,
      String question,
      String lead,
      int down,
      int up,
      String knowledgeBase,
      List<Given.Passage> passages) {
    public Disliked {
      passages = List.copyOf(passages);
    }
  }
}
