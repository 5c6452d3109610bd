package tradebot.chat.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import tradebot.chat.ChatReply;

/**
 * The most recent answers, kept so that their "All citations" button can show every quote in full.
 * Keys are random (a restarted bot never maps an old button to a new answer); the oldest entries
 * are forgotten past the capacity. Thread-safe.
 */
final class CitationStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cache<String, ChatReply> replies;

  CitationStore(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.replies = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
  }

  /** Keeps {@code reply} and returns its key (12 hex digits). */
  String put(ChatReply reply) {
    Objects.requireNonNull(reply, "reply");
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    String key = HexFormat.of().formatHex(b);
    replies.put(key, reply);
    return key;
  }

  /** The reply kept under {@code key}, if it is still kept. */
  Optional<ChatReply> get(String key) {
    return Optional.ofNullable(replies.getIfPresent(key));
  }
}
