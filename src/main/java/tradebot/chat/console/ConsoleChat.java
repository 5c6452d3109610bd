package tradebot.chat.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tradebot.chat.ChatRequest;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.chat.TextRenderer;

/**
 * The console chat: one line in, one reply out. A line that starts with a slash is a command
 * ({@code /tariff history}, {@code /sources}, {@code /reload}, {@code /report [days]}, {@code
 * /help}, {@code /quit}); any other line is a question. The local user is a moderator. Not
 * thread-safe: one console, one loop.
 */
public final class ConsoleChat {
  private final ChatService bot;
  private final BufferedReader in;
  private final PrintStream out;
  private final boolean prompt;

  public ConsoleChat(ChatService bot, BufferedReader in, PrintStream out, boolean prompt) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.prompt = prompt;
  }

  /** Reads and answers lines until end of input or {@code /quit}. */
  public void run() throws IOException {
    out.println("tradebot: ask about US-China trade policy. /help lists commands, /quit leaves.");
    while (true) {
      if (prompt) {
        out.print("> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null
          || line.strip().equalsIgnoreCase("/quit")
          || line.strip().equalsIgnoreCase("/exit")) {
        return;
      }
      if (line.isBlank()) {
        continue;
      }
      out.println(TextRenderer.render(bot.handle(parse(line.strip()))));
      out.println();
    }
  }

  /** The request a console line stands for. */
  static ChatRequest parse(String line) {
    if (!line.startsWith("/")) {
      return ChatRequest.ask(Platform.CONSOLE, "console", line);
    }
    String[] parts = line.substring(1).split("\\s+", 2);
    String rest = parts.length > 1 ? parts[1] : "";
    return switch (parts[0].toLowerCase(Locale.ROOT)) {
      case "ask" -> ChatRequest.ask(Platform.CONSOLE, "console", rest);
      case "sources" -> request(Command.SOURCES, "", Map.of());
      case "reload" -> request(Command.RELOAD, "", Map.of());
      case "tariff" -> request(Command.TARIFF, "", tariffOptions(rest));
      case "report" ->
          request(Command.REPORT, "", rest.isBlank() ? Map.of() : Map.of("days", rest.strip()));
      default -> request(Command.HELP, "", Map.of());
    };
  }

  private static Map<String, String> tariffOptions(String rest) {
    String r = rest.toLowerCase(Locale.ROOT);
    java.util.HashMap<String, String> options = new java.util.HashMap<>();
    options.put(
        "chart", "false"); // a terminal cannot show it; `tradebot tariff --chart FILE` writes it
    if (r.contains("history")) {
      options.put("history", "true");
    }
    if (r.contains("us-china") || r.contains("china-us")) {
      options.put("direction", r.contains("us-china") ? "us-china" : "china-us");
    }
    return options;
  }

  private static ChatRequest request(Command command, String text, Map<String, String> options) {
    return new ChatRequest(Platform.CONSOLE, "console", "console", command, text, true, options);
  }
}
