package tradebot.chat;

/**
 * Handles one platform-neutral request: the single place where commands become replies, shared by
 * every adapter. Implementations are thread-safe.
 */
public interface ChatService {

  /**
   * Handles {@code request}; never throws: failures become an {@link ChatReply.Status#ERROR} reply.
   */
  ChatReply handle(ChatRequest request);
}
