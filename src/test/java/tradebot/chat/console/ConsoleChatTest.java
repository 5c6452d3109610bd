package tradebot.chat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatRequest;
import tradebot.chat.Command;
import tradebot.chat.Platform;

class ConsoleChatTest {

  @Test
  void aLineIsAQuestionUnlessItStartsWithASlash() {
    assertEquals(
        ChatRequest.ask(Platform.CONSOLE, "console", "who led the talks?"),
        ConsoleChat.parse("who led the talks?"));
  }

  @Test
  void reportTakesTheDaysAfterItAndTheConsoleIsAModerator() {
    assertEquals(
        new ChatRequest(
            Platform.CONSOLE, "console", "console", Command.REPORT, "", true, Map.of("days", "14")),
        ConsoleChat.parse("/report 14"));
    assertEquals(Map.of(), ConsoleChat.parse("/report").options());
  }

  @Test
  void anUnknownCommandGetsTheHelp() {
    assertEquals(Command.HELP, ConsoleChat.parse("/frobnicate").command());
  }
}
