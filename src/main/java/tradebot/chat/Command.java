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
  /** Say what the bot can do. */
  HELP
}
