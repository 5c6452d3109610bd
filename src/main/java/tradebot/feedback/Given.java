package tradebot.feedback;

import java.util.List;
import java.util.Objects;

/**
 * One answer (or decline) as the bot gave it, to be kept so that people can vote on it and
 * moderators can see what went unanswered. Immutable.
 *
 * @param platform where it was asked ("discord", "slack", "console")
 * @param userId the platform's user id; only a keyed hash of it is stored
 * @param question what was asked; stored only when the privacy settings keep it
 * @param knowledgeBase the version of the knowledge base that answered
 * @param declined whether the bot said its sources do not cover the question
 * @param lead the answer's first line (or the decline message)
 * @param passages the quotes it cited, best first (none for a decline)
 */
public record Given(
    String platform,
    String userId,
    String question,
    String knowledgeBase,
    boolean declined,
    String lead,
    List<Passage> passages) {
  public Given {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    Objects.requireNonNull(lead, "lead");
    passages = List.copyOf(passages);
  }

  /** A cited passage: the article's id and title, and the verbatim quote. */
  public record Passage(String source, String title, String quote) {
    public Passage {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(quote, "quote");
    }
  }
}
