package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.Main;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.chat.console.ConsoleChat;
import tradebot.config.ConfigLoader;
import tradebot.feedback.FeedbackStore;

/**
 * {@code /tariff} through the shared Bot, and {@code tradebot tariff} on the command line, over the
 * seeds.
 */
class TariffCommandIT {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;
  private App app;

  @BeforeEach
  void start() {
    app =
        App.inMemory(
            ConfigLoader.load(Path.of("config")).withKnowledgeDir(Path.of("knowledge")), NOW);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private ChatReply tariff(Map<String, String> options) {
    return app.bot()
        .handle(new ChatRequest(Platform.DISCORD, "u1", "c1", Command.TARIFF, "", false, options));
  }

  @Test
  void tariffGivesBothDirectionsWithTheQuoteItsSourceAndTheChart() throws Exception {
    ChatReply r = tariff(Map.of());
    assertEquals(ChatReply.Status.INFO, r.status());
    assertEquals(
        "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11 [1] · China"
            + " on US: 125% as of 2025-04-11 [1]",
        r.lead());
    assertEquals(List.of(), r.lines());
    assertEquals(1, r.quotes().size());
    assertTrue(
        r.quotes()
            .getFirst()
            .text()
            .startsWith("On Friday, Beijing hiked tariffs on all US goods to 125%"));
    assertEquals(1, r.sources().size());
    assertEquals("Bloomberg", r.sources().getFirst().outlet());
    assertNotNull(r.attachment());
    assertEquals("tariffs.png", r.attachment().filename());
    assertEquals("image/png", r.attachment().contentType());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.attachment().data()));
    assertEquals(1000, image.getWidth());
    assertEquals(500, image.getHeight());
  }

  @Test
  void oneDirectionWithHistoryListsEveryEventOfThatDirectionCited() {
    ChatReply r = tariff(Map.of("direction", "china-us", "history", "true", "chart", "false"));
    assertEquals("China on US: 125% as of 2025-04-11 [1]", r.lead());
    assertEquals("History:", r.lines().getFirst());
    assertEquals(3, r.lines().size(), r.lines()::toString);
    assertTrue(
        r.lines().get(1).contains("10% (up to 10 percent)") && r.lines().get(1).endsWith("[2]"),
        r.lines().get(1));
    assertEquals(2, r.sources().size());
    assertEquals(null, r.attachment());
  }

  @Test
  void anUnknownDirectionIsDeclinedWithWhatWasWrong() {
    ChatReply r = tariff(Map.of("direction", "atlantis-us"));
    assertEquals(ChatReply.Status.DECLINE, r.status());
    assertTrue(r.ephemeral());
    assertTrue(r.lead().contains("atlantis-us"), r.lead());
  }

  @Test
  void theCommandLinePrintsJsonAndWritesTheChart() throws Exception {
    Path chart = data.resolve("out/tariffs.png");
    String out =
        run(
            "--config",
            "config",
            "--knowledge",
            "knowledge",
            "--data",
            data.resolve("index").toString(),
            "tariff",
            "--json",
            "--chart",
            chart.toString());
    JsonNode root = new ObjectMapper().readTree(out);
    JsonNode us = root.path("latest").get(0);
    assertEquals("US", us.path("imposer").asText());
    assertEquals(145, us.path("combined_percent").asInt());
    assertEquals("computed", us.path("combined_basis").asText());
    assertEquals("2025-04-11", us.path("as_of").asText());
    assertEquals(125, root.path("latest").get(1).path("rate_percent").asInt());
    for (String part : List.of("latest", "pending", "history")) {
      for (JsonNode entry : root.path(part)) {
        assertTrue(entry.path("as_of").asText().matches("\\d{4}-\\d{2}-\\d{2}"), entry::toString);
      }
    }
    assertEquals(7, root.path("history").size());
    // a one-shot command keeps nothing: no feedback database, so no audit of its load
    assertFalse(Files.exists(data.resolve("index").resolve(FeedbackStore.FILE)));
    BufferedImage image = ImageIO.read(Files.newInputStream(chart));
    assertEquals(1000, image.getWidth());
    assertEquals(500, image.getHeight());
    String text =
        run(
            "--config",
            "config",
            "--knowledge",
            "knowledge",
            "--data",
            data.resolve("index").toString(),
            "tariff");
    assertTrue(
        text.startsWith(
            "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11 [1]"),
        text);
  }

  @Test
  void theTextWithAChartSaysWhereTheChartWentAndNothingOfAnAttachment() throws Exception {
    Path chart = data.resolve("chart.png");
    String index = data.resolve("index").toString();
    String text = run("tariff", "--data", index, "--chart", chart.toString());
    assertTrue(text.endsWith("\nchart written to " + chart + "\n"), text);
    assertFalse(text.contains("attachment"), text);
    assertEquals(1000, ImageIO.read(Files.newInputStream(chart)).getWidth());
  }

  @Test
  void theConsolesTariffMakesNoChartItCannotShow() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleChat(
            app.bot(),
            new BufferedReader(new StringReader("/tariff\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false)
        .run();
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("US on China: 145%"), text);
    assertFalse(text.contains("attachment"), text);
  }

  private static String run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run(args));
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
