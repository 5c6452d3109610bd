package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private Process run(String name, List<String> args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "tradebot.Main"));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile());
    pb.environment().putAll(SECRETS);
    pb.environment().put("TRADEBOT_LOG_LEVEL", "TRACE");
    return pb.start();
  }

  @Test
  void noSecretAppearsInAnythingTheCommandsPrint() throws Exception {
    Path config = ServerRunnerIT.copy(Path.of("config"), tmp.resolve("config"));
    // The platforms are unreachable: a closed port on this machine.
    String yaml =
        Files.readString(config.resolve("tradebot.yaml"))
            .replace("https://discord.com/api/v10/", "http://127.0.0.1:9/api/v10/")
            .replace("gateway_url: \"\"", "gateway_url: \"ws://127.0.0.1:9/\"")
            .replace("https://slack.com/api/", "http://127.0.0.1:9/api/");
    Files.writeString(config.resolve("tradebot.yaml"), yaml);
    Path knowledge = ServerRunnerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    List<String> common =
        List.of(
            "--config",
            config.toString(),
            "--knowledge",
            knowledge.toString(),
            "--data",
            tmp.resolve("data").toString());

    Process check = run("config-check", List.of("config", "check", "--config", config.toString()));
    assertTrue(check.waitFor(60, TimeUnit.SECONDS));

    List<String> serveArgs =
        new ArrayList<>(List.of("serve", "--port", "0", "--log-format", "json"));
    serveArgs.addAll(common);
    Process serve = run("serve", serveArgs);
    try {
      URI base = awaitListening(serve, tmp.resolve("serve.err"));
      assertEquals(200, post(base, "/api/ask", "{\"question\":\"Who led the talks?\"}", null));
      String admin = SECRETS.get("TRADEBOT_ADMIN_TOKEN");
      assertEquals(200, post(base, "/api/reload", "", "Bearer " + admin));
      assertEquals(403, post(base, "/api/reload", "", "Bearer " + admin.toUpperCase()));
      assertEquals(401, post(base, "/api/reload", "", "Basic " + admin));
      serve.destroy();
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
    } finally {
      serve.destroyForcibly();
    }

    for (String platform : List.of("discord", "slack")) {
      List<String> args = new ArrayList<>(List.of(platform, "--port", "0"));
      args.addAll(common);
      Process p = run(platform, args);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
      }
      p.destroyForcibly();
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

  private static URI awaitListening(Process serve, Path log) throws Exception {
    // In JSON lines the slashes are escaped.
    Pattern listening = Pattern.compile("listening on http:\\\\?/\\\\?/127\\.0\\.0\\.1:(\\d+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (serve.isAlive() && System.nanoTime() < deadline) {
      Matcher m = listening.matcher(Files.readString(log));
      if (m.find()) {
        return URI.create("http://127.0.0.1:" + m.group(1) + "/");
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no 'listening on' line: " + Files.readString(log));
  }
}
