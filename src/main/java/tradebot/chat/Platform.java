package tradebot.chat;

/** Where a request came from. */
public enum Platform {
  CONSOLE,
  DISCORD,
  SLACK,
  API
}
