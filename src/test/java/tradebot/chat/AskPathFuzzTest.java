package tradebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import tradebot.answer.Answer;
import tradebot.answer.AnswerJson;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.knowledge.KnowledgeLoader;

/**
 * The whole ask path under any input: the question as a user types it (any characters, lone
 * surrogates included) through the answer service, its JSON and the chat reply every adapter
 * renders, and the other commands with any options. Nothing escapes, no reply is an error, and
 * every quote is verbatim from its article at the offsets it names.
 */
class AskPathFuzzTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final App APP = App.inMemory(TradebotConfig.defaults(Path.of("config")), CLOCK);
  private static final Map<String, String> BODIES = bodies(Path.of("knowledge"));
  private static final Command[] OTHERS = {
    Command.TARIFF, Command.SOURCES, Command.HELP, Command.RELOAD
  };

  @FuzzTest(maxDuration = "10s")
  void anyRequestGetsAReplyThatIsNoErrorWithVerbatimQuotes(FuzzedDataProvider data)
      throws IOException {
    boolean ask = data.consumeInt(0, 7) > 0;
    if (!ask) {
      Command command = data.pickValue(OTHERS);
      Map<String, String> options =
          Map.of(
              "direction", data.consumeString(40),
              "history", Boolean.toString(data.consumeBoolean()),
              "chart", "false");
      ChatRequest request = new ChatRequest(Platform.API, "fuzz", "", command, "", false, options);
      ChatReply reply = APP.bot().handle(request);
      assertNotEquals(ChatReply.Status.ERROR, reply.status(), reply.lead());
      if (command == Command.RELOAD) {
        assertEquals(ChatReply.Status.REFUSED, reply.status());
      }
      TextRenderer.render(reply);
      return;
    }
    String question = data.consumeRemainingAsString();
    Answer answer = APP.answers().ask(question);
    String json = AnswerJson.toJsonLine(answer);
    assertEquals(answer.question(), JSON.readTree(json).path("question").asText());
    if (answer instanceof Answer.Answered a) {
      for (Answer.Citation c : a.citations()) {
        String body = BODIES.get(c.source().id());
        assertEquals(flat(c.quote()), flat(body.substring(c.start(), c.end())));
      }
    }
    ChatReply reply = Replies.of(answer, "");
    assertTrue(
        reply.status() == ChatReply.Status.ANSWER || reply.status() == ChatReply.Status.DECLINE,
        reply.status() + ": " + reply.lead());
    TextRenderer.render(reply);
  }

  private static String flat(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static Map<String, String> bodies(Path dir) {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      Path root = dir.toRealPath();
      for (Path f : files.toList()) {
        var article = KnowledgeLoader.read(root, f);
        out.put(article.id(), article.body());
      }
    } catch (IOException | KnowledgeLoader.FileProblem e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
