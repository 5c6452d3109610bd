package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatRequest;
import tradebot.chat.Command;
import tradebot.chat.Platform;

class SlackHandlersTest {

  private static ChatRequest mention(String text) {
    return SlackHandlers.mentionRequest("U1", "C1", text);
  }

  @Test
  void mentionTextAfterTheBotsNameIsTheQuestion() {
    assertEquals(
        new ChatRequest(
            Platform.SLACK,
            "U1",
            "C1",
            Command.ASK,
            "What did China put on US goods?",
            false,
            Map.of()),
        mention("<@UBOT>   What did China put on US goods?"));
  }

  @Test
  void singleWordMentionsAreCommands() {
    assertEquals(Command.SOURCES, mention("<@UBOT> sources").command());
    assertEquals(Command.RELOAD, mention("<@UBOT|tradebot> reload").command());
    assertEquals(Command.HELP, mention("<@UBOT>").command());
    assertEquals(Command.HELP, mention("<@UBOT> help!").command());
  }

  @Test
  void tariffMentionTakesHistoryAndDirectionButATariffQuestionIsAQuestion() {
    ChatRequest tariff = mention("<@UBOT> tariff history us-china");
    assertEquals(Command.TARIFF, tariff.command());
    assertEquals(Map.of("history", "true", "direction", "us-china"), tariff.options());
    ChatRequest question = mention("<@UBOT> tariffs on Chinese EVs?");
    assertEquals(Command.ASK, question.command());
    assertEquals("tariffs on Chinese EVs?", question.text());
  }

  @Test
  void reportMentionTakesTheNumberOfDaysAfterTheWord() {
    ChatRequest days = mention("<@UBOT> report 14");
    assertEquals(Command.REPORT, days.command());
    assertEquals(Map.of("days", "14"), days.options());
    assertEquals(Map.of(), mention("<@UBOT> report").options());
  }

  @Test
  void addMentionTakesEachFieldUpToTheNextFieldsName() {
    ChatRequest add =
        mention(
            "<@UBOT> add title: China cuts soybean tariffs outlet: Pacific Trade Review"
                + " published: 2025-12-05 url: <https://example.com/a|example.com/a>");
    assertEquals(Command.ADD, add.command());
    assertEquals(
        Map.of(
            "title", "China cuts soybean tariffs",
            "outlet", "Pacific Trade Review",
            "published", "2025-12-05",
            "url", "https://example.com/a"),
        add.options());
  }

  @Test
  void aMentionOfSomeoneElseInsideTheQuestionIsKept() {
    assertEquals("ask <@U2> about tariffs", mention("<@UBOT> ask <@U2> about tariffs").text());
  }
}
