package tradebot.chat.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: Slack's Web API (auth.test, chat.postMessage, chat.postEphemeral, users.info, the
 * two-step file upload), response URLs and shared files (served only with the bot token), on
 * 127.0.0.1. Records every request it gets.
 */
final class FakeSlack implements AutoCloseable {
  /** A request the fake received. */
  record Received(String path, String contentType, String authorization, String body) {
    /** The form fields of a form-encoded body. */
    Map<String, String> form() {
      Map<String, String> fields = new HashMap<>();
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        fields.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
      return fields;
    }
  }

  static final String BOT_USER = "UBOT";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger responseUrls = new AtomicInteger();
  private final Set<String> admins;
  private volatile int postMessageStatus = 200;
  private final Map<String, Failures> responseFailures = new ConcurrentHashMap<>();

  /** The next {@code times} posts to a response URL get {@code status} (and a Retry-After). */
  private record Failures(int status, AtomicInteger times, String retryAfter) {}

  private volatile String socketUrl = "";
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final String botToken;

  FakeSlack(Set<String> admins) throws IOException {
    this(admins, "xoxb-test");
  }

  /** A fake whose shared files are served only to {@code Authorization: Bearer botToken}. */
  FakeSlack(Set<String> admins, String botToken) throws IOException {
    this.admins = Set.copyOf(admins);
    this.botToken = botToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The Web API base, as {@code slack.api_url}. */
  String apiUrl() {
    return base() + "/api/";
  }

  /** A fresh response URL for one slash command. */
  String newResponseUrl() {
    return base() + "/response/" + responseUrls.incrementAndGet();
  }

  /**
   * Shares a file: it is served at the returned {@code url_private_download} to requests that carry
   * the bot token, and answered 403 to any other.
   */
  String shareFile(String id, String name, byte[] data) {
    String path = "/files-pri/T1-" + id + "/download/" + name.replace(' ', '_');
    files.put(path, data.clone());
    return base() + path;
  }

  /** Makes chat.postMessage answer with this HTTP status from now on. */
  void postMessageStatus(int status) {
    postMessageStatus = status;
  }

  /**
   * Makes the next {@code times} posts to {@code responseUrl} answer {@code status}, with the
   * header {@code Retry-After: retryAfter} unless it is null; later ones answer 200.
   */
  void failResponses(String responseUrl, int status, int times, String retryAfter) {
    responseFailures.put(
        URI.create(responseUrl).getPath(),
        new Failures(status, new AtomicInteger(times), retryAfter));
  }

  /** Makes apps.connections.open hand out this Socket Mode URL. */
  void socketUrl(String url) {
    socketUrl = url;
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Waits for the first request to {@code path}. */
  Received await(String path) throws InterruptedException {
    return await(path, 1).getFirst();
  }

  /** Waits until {@code count} requests to {@code path} arrived, for at most 10 seconds. */
  List<Received> await(String path, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received(path).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + count + " request(s) to " + path + "; got " + received);
      }
      Thread.sleep(20);
    }
    return received(path);
  }

  /** Waits until {@code count} messages were posted in {@code channel}; returns their forms. */
  List<Map<String, String>> awaitPosted(String channel, int count) throws InterruptedException {
    return awaitIn("/api/chat.postMessage", channel, count);
  }

  /**
   * Waits until {@code count} ephemeral messages were posted in {@code channel}; returns their
   * forms.
   */
  List<Map<String, String>> awaitEphemeral(String channel, int count) throws InterruptedException {
    return awaitIn("/api/chat.postEphemeral", channel, count);
  }

  private List<Map<String, String>> awaitIn(String method, String channel, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<Map<String, String>> posted =
          received(method).stream()
              .map(Received::form)
              .filter(f -> channel.equals(f.get("channel")))
              .toList();
      if (posted.size() >= count) {
        return posted;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "fewer than " + count + " " + method + " in " + channel + ": " + posted);
      }
      Thread.sleep(20);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              path,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      byte[] file = files.get(path);
      if (file != null) {
        boolean authorized =
            ("Bearer " + botToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(authorized ? 200 : 403, authorized ? file.length : -1);
        if (authorized) {
          exchange.getResponseBody().write(file);
        }
        return;
      }
      int status = 200;
      String json =
          switch (path) {
            case "/api/auth.test" ->
                "{\"ok\":true,\"url\":\"https://fake.slack.test/\",\"team\":\"Fake\",\"user\":\"tradebot\","
                    + "\"team_id\":\"T1\",\"user_id\":\""
                    + BOT_USER
                    + "\",\"bot_id\":\"B1\"}";
            case "/api/chat.postMessage" -> {
              status = postMessageStatus;
              yield status == 200
                  ? "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000001.000200\"}"
                  : "{\"ok\":false}";
            }
            case "/api/apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            case "/api/chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000001.000300\"}";
            case "/api/users.info" -> {
              String user = new Received(path, "", "", body).form().get("user");
              yield "{\"ok\":true,\"user\":{\"id\":\""
                  + user
                  + "\",\"is_admin\":"
                  + admins.contains(user)
                  + "}}";
            }
            case "/api/files.getUploadURLExternal" ->
                "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F1\",\"file_id\":\"F1\"}";
            case "/api/files.completeUploadExternal" ->
                "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"chart\"}]}";
            default -> path.startsWith("/upload/") || path.startsWith("/response/") ? "ok" : null;
          };
      Failures failing = responseFailures.get(path);
      if (failing != null && failing.times().getAndDecrement() > 0) {
        status = failing.status();
        json = status == 429 ? "rate_limited" : "no_service";
        if (failing.retryAfter() != null) {
          exchange.getResponseHeaders().set("Retry-After", failing.retryAfter());
        }
      }
      if (json == null) {
        status = 404;
        json = "{\"ok\":false,\"error\":\"unknown_method\"}";
      }
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set(
              "Content-Type",
              json.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
