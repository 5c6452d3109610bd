package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.testing.TradebotProcess.copy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.testing.TradebotProcess;

/**
 * Runs the real commands in child processes with every secret set in the environment and our
 * logging at its most verbose (TRACE), captures all they print, and searches it for the secrets:
 * {@code config check}; {@code serve} answering, reloading with the admin token and refusing a
 * wrong one; {@code discord} and {@code slack} failing to reach their platform. No secret, nor its
 * tail, appears anywhere.
 */
class SecretsNeverLoggedIT {
  static final Map<String, String> SECRETS =
      Map.of(
          "DISCORD_TOKEN", "MTIzNDU2.discord-secret-91acf0",
          "SLACK_BOT_TOKEN", "xoxb-1-slack-bot-secret-7f3a9e",
          "SLACK_SIGNING_SECRET", "slack-signing-secret-e2b7d4",
          "SLACK_APP_TOKEN", "xapp-1-slack-app-secret-c41d88",
          "TRADEBOT_ADMIN_TOKEN", "admin-secret-55d0b3");

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TradebotProcess run(String name, List<String> args) throws Exception {
    TradebotProcess.Builder command =
        TradebotProcess.command(args.toArray(String[]::new))
            .stdoutTo(tmp.resolve(name + ".out"))
            .logTo(tmp.resolve(name + ".err"))
            .env("TRADEBOT_LOG_LEVEL", "TRACE");
    SECRETS.forEach(command::env);
    return command.start();
  }

  @Test
  void noSecretAppearsInAnythingTheCommandsPrint() throws Exception {
    Path config = copy(Path.of("config"), tmp.resolve("config"));
    // The platforms are unreachable: a closed port on this machine.
    String yaml =
        Files.readString(config.resolve("tradebot.yaml"))
            .replace("https://discord.com/api/v10/", "http://127.0.0.1:9/api/v10/")
            .replace("gateway_url: \"\"", "gateway_url: \"ws://127.0.0.1:9/\"")
            .replace("https://slack.com/api/", "http://127.0.0.1:9/api/");
    Files.writeString(config.resolve("tradebot.yaml"), yaml);
    Path knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    List<String> common =
        List.of(
            "--config",
            config.toString(),
            "--knowledge",
            knowledge.toString(),
            "--data",
            tmp.resolve("data").toString());

    try (TradebotProcess check =
        run("config-check", List.of("config", "check", "--config", config.toString()))) {
      assertTrue(check.awaitExit(Duration.ofSeconds(60)));
    }

    List<String> serveArgs =
        new ArrayList<>(List.of("serve", "--port", "0", "--log-format", "json"));
    serveArgs.addAll(common);
    try (TradebotProcess serve = run("serve", serveArgs)) {
      URI base = serve.awaitReady();
      assertEquals(200, post(base, "/api/ask", "{\"question\":\"Who led the talks?\"}", null));
      String admin = SECRETS.get("TRADEBOT_ADMIN_TOKEN");
      assertEquals(200, post(base, "/api/reload", "", "Bearer " + admin));
      assertEquals(403, post(base, "/api/reload", "", "Bearer " + admin.toUpperCase()));
      assertEquals(401, post(base, "/api/reload", "", "Basic " + admin));
      assertTrue(serve.stop(Duration.ofSeconds(30)));
    }

    for (String platform : List.of("discord", "slack")) {
      List<String> args = new ArrayList<>(List.of(platform, "--port", "0"));
      args.addAll(common);
      try (TradebotProcess p = run(platform, args)) {
        if (!p.awaitExit(Duration.ofSeconds(60))) {
          p.stop(Duration.ofSeconds(30));
        }
      }
    }

    StringBuilder everything = new StringBuilder();
    for (String name : List.of("config-check", "serve", "discord", "slack")) {
      for (String ext : List.of(".out", ".err")) {
        everything.append(Files.readString(tmp.resolve(name + ext))).append('\n');
      }
    }
    String all = everything.toString();
    assertTrue(
        all.contains("\"loggerName\""), "serve logged JSON lines: " + all.length() + " chars");
    assertTrue(all.contains("reload by=admin@127.0.0.1 via=api"), "the reloads were logged");
    for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
      String value = secret.getValue();
      String tail = value.substring(value.length() - 8);
      assertFalse(all.contains(value), secret.getKey() + " is in the output");
      assertFalse(all.contains(tail), "the tail of " + secret.getKey() + " is in the output");
    }
  }

  private int post(URI base, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
