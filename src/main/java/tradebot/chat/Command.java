package tradebot.chat;

/** What a chat request asks the bot to do. */
public enum Command {
  /** Answer a question from the sources. */
  ASK,
  /** Latest tariff level each way, optionally with history and a chart. */
  TARIFF,
  /** List the loaded articles. */
  SOURCES,
  /** Reload the knowledge base (moderators only). */
  RELOAD,
  /**
   * Add the uploaded article file and reload (moderators only): options "title", "outlet",
   * "published", "url" and "author" for what the file does not say.
   */
  ADD,
  /** A 👍 or 👎 on an answer: options "answer" (its id) and "vote" ("up" or "down"). */
  VOTE,
  /**
   * The most frequent declined questions and most voted-down answers (moderators only): option
   * "days", the period.
   */
  REPORT,
  /** Say what the bot can do. */
  HELP
}
