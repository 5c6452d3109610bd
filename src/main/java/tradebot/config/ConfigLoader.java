package tradebot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code tradebot.yaml} from a config directory into a {@link TradebotConfig}. A missing file
 * gives the defaults. Relative paths in the file are taken relative to the working directory.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /**
   * Loads {@code configDir/tradebot.yaml}.
   *
   * @throws IllegalArgumentException naming the key and what is wrong with it
   */
  public static TradebotConfig load(Path configDir) {
    TradebotConfig d = TradebotConfig.defaults(configDir);
    Path file = configDir.resolve("tradebot.yaml");
    if (!Files.isRegularFile(file)) {
      return d;
    }
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return d;
    }
    JsonNode k = root.path("knowledge");
    JsonNode s = root.path("server");
    JsonNode a = root.path("answer");
    JsonNode dc = root.path("discord");
    JsonNode sl = root.path("slack");
    return new TradebotConfig(
        configDir,
        new TradebotConfig.Knowledge(
            Path.of(k.path("dir").asText(d.knowledge().dir().toString())),
            k.path("watch").asBoolean(d.knowledge().watch())),
        Path.of(root.path("data_dir").asText(d.dataDir().toString())),
        new TradebotConfig.Server(
            s.path("port").asInt(d.server().port()), s.path("bind").asText(d.server().bind())),
        new TradebotConfig.Answer(
            a.path("max_question_chars").asInt(d.answer().maxQuestionChars()),
            a.path("max_citations").asInt(d.answer().maxCitations()),
            a.path("min_confidence").asDouble(d.answer().minConfidence())),
        new TradebotConfig.Discord(
            strings(dc.path("guild_ids")),
            strings(dc.path("moderator_role_ids")),
            rate(dc.path("user_rate"), d.discord().userRate()),
            rate(dc.path("channel_rate"), d.discord().channelRate()),
            dc.path("rest_base_url").asText(d.discord().restBaseUrl()),
            dc.path("gateway_url").asText(d.discord().gatewayUrl())),
        new TradebotConfig.Slack(
            strings(sl.path("moderator_user_ids")),
            rate(sl.path("user_rate"), d.slack().userRate()),
            sl.path("api_url").asText(d.slack().apiUrl())));
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static TradebotConfig.RateLimit rate(JsonNode node, TradebotConfig.RateLimit fallback) {
    if (node.isMissingNode()) {
      return fallback;
    }
    return new TradebotConfig.RateLimit(
        node.path("capacity").asInt(fallback.capacity()),
        Duration.ofSeconds(node.path("per_seconds").asLong(fallback.per().toSeconds())));
  }
}
