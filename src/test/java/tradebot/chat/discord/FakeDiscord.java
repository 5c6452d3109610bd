package tradebot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.ResponseBody;
import okio.ByteString;

/**
 * A fake Discord on one localhost port (okhttp's MockWebServer): the REST routes the bot uses and,
 * on {@code /gateway}, the WebSocket gateway. Records every REST call for assertions, can answer
 * the next matching call with a 429, and sends the events tests ask for. Thread-safe.
 */
final class FakeDiscord implements AutoCloseable {
  /** A REST call as received. {@code body} is the JSON (or multipart payload_json), or null. */
  record Call(String method, String path, JsonNode body, long atNanos) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Predicate<Call>> rateLimitOnce = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  /** The next {@code times} calls matching {@code match} get {@code status} after {@code delay}. */
  private record Fault(Predicate<Call> match, int status, Duration delay, AtomicInteger times) {}

  private final FakeGateway gateway;
  private final Map<String, byte[]> attachments = new java.util.concurrent.ConcurrentHashMap<>();

  private final List<String> guilds;

  /** A fake Discord whose bot is in {@link FakePayloads#GUILD}. */
  FakeDiscord() throws IOException {
    this(List.of(FakePayloads.GUILD));
  }

  /** A fake Discord whose bot is in {@code guilds}, each on its shard. */
  FakeDiscord(List<String> guilds) throws IOException {
    this.guilds = List.copyOf(guilds);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeDiscord.this.dispatch(request);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    gateway = new FakeGateway(gatewayUrl(), guilds);
  }

  String restBase() {
    return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/gateway";
  }

  FakeGateway gateway() {
    return gateway;
  }

  /** Sends a slash command by {@code userId} holding {@code roles}; returns the interaction id. */
  String slash(String userId, List<String> roles, String name, Map<String, Object> options) {
    return slashIn(FakePayloads.GUILD, userId, roles, name, options);
  }

  /** Sends a slash command in {@code guild}'s text channel; returns the interaction id. */
  String slashIn(
      String guild, String userId, List<String> roles, String name, Map<String, Object> options) {
    String id = FakePayloads.snowflake();
    gateway.dispatch(
        "INTERACTION_CREATE",
        FakePayloads.interaction(guild, id, 2, userId, roles, FakePayloads.command(name, options)));
    return id;
  }

  /**
   * Sends a slash command with the file {@code filename} attached as option {@code fileOption},
   * served by this fake as Discord's CDN serves attachments; returns the interaction id.
   */
  String slashWithFile(
      String userId,
      List<String> roles,
      String name,
      Map<String, Object> options,
      String fileOption,
      String filename,
      byte[] data) {
    String id = FakePayloads.snowflake();
    String fileId = FakePayloads.snowflake();
    String url = "http://127.0.0.1:" + server.getPort() + "/attachments/" + fileId + "/" + filename;
    attachments.put("/attachments/" + fileId + "/" + filename, data);
    var command =
        (com.fasterxml.jackson.databind.node.ObjectNode) FakePayloads.command(name, options);
    command
        .withArray("options")
        .add(
            FakePayloads.JSON.valueToTree(Map.of("name", fileOption, "type", 11, "value", fileId)));
    command
        .putObject("resolved")
        .putObject("attachments")
        .set(
            fileId,
            FakePayloads.JSON.valueToTree(
                Map.of(
                    "id", fileId,
                    "filename", filename,
                    "size", data.length,
                    "url", url,
                    "proxy_url", url,
                    "content_type", "application/octet-stream")));
    gateway.dispatch("INTERACTION_CREATE", FakePayloads.interaction(id, 2, userId, roles, command));
    return id;
  }

  /**
   * Sends a click on button {@code customId} (of an ephemeral-like message); returns the
   * interaction id.
   */
  String click(String userId, String customId) {
    String id = FakePayloads.snowflake();
    var d =
        FakePayloads.interaction(
            id,
            3,
            userId,
            List.of(),
            FakePayloads.JSON.valueToTree(Map.of("custom_id", customId, "component_type", 2)));
    d.set(
        "message",
        FakePayloads.JSON.valueToTree(Map.of("id", FakePayloads.snowflake(), "flags", 0)));
    gateway.dispatch("INTERACTION_CREATE", d);
    return id;
  }

  /** Sends a message in {@code channelId} by {@code author}; returns its id. */
  String message(String channelId, JsonNode author, String content, List<JsonNode> mentions) {
    String id = FakePayloads.snowflake();
    gateway.dispatch(
        "MESSAGE_CREATE", FakePayloads.messageCreate(id, channelId, author, content, mentions));
    return id;
  }

  /** The next call matching {@code match} is answered 429 with Retry-After: 1. */
  void rateLimitNext(Predicate<Call> match) {
    rateLimitOnce.add(match);
  }

  /** The next {@code times} calls matching {@code match} are answered {@code status} (e.g. 503). */
  void failNext(Predicate<Call> match, int status, int times) {
    faults.add(new Fault(match, status, Duration.ZERO, new AtomicInteger(times)));
  }

  /** The next call matching {@code match} is answered normally, but only after {@code delay}. */
  void delayNext(Predicate<Call> match, Duration delay) {
    faults.add(new Fault(match, 0, delay, new AtomicInteger(1)));
  }

  List<Call> calls(Predicate<Call> match) {
    return calls.stream().filter(match).toList();
  }

  /** Waits until {@code count} calls match, and returns them. */
  List<Call> await(Predicate<Call> match, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> found = calls(match);
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " matching calls within "
                + timeout
                + ", got "
                + found.size()
                + "; all calls: "
                + calls.stream().map(c -> c.method() + " " + c.path()).toList());
      }
      Thread.sleep(20);
    }
  }

  Call await(Predicate<Call> match, Duration timeout) throws InterruptedException {
    return await(match, 1, timeout).getFirst();
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = "/" + String.join("/", request.getUrl().pathSegments());
    if (path.equals("/gateway")
        && "websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
      return new MockResponse.Builder().webSocketUpgrade(gateway).build();
    }
    Call call = new Call(request.getMethod(), path, body(request), System.nanoTime());
    calls.add(call);
    for (Predicate<Call> rule : rateLimitOnce) {
      if (rule.test(call) && rateLimitOnce.remove(rule)) {
        return json(
                429,
                Map.of(
                    "message", "You are being rate limited.", "retry_after", 1.0, "global", false))
            .newBuilder()
            .setHeader("Retry-After", "1")
            .setHeader("X-RateLimit-Scope", "user")
            .setHeader("Via", "1.1 fake") // without Via, JDA takes a 429 for Cloudflare's
            .build();
      }
    }
    for (Fault f : faults) {
      if (f.match().test(call) && f.times().getAndDecrement() > 0) {
        if (f.status() > 0) {
          return json(f.status(), Map.of("message", "fake outage", "code", 0));
        }
        MockResponse normal = answer(call, path);
        return normal
            .newBuilder()
            .headersDelay(f.delay().toMillis(), TimeUnit.MILLISECONDS)
            .build();
      }
    }
    return answer(call, path);
  }

  private MockResponse answer(Call call, String path) {
    String m = call.method();
    if (m.equals("GET") && attachments.containsKey(path)) {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/octet-stream")
          .body(new okio.Buffer().write(attachments.get(path)))
          .build();
    }
    if (m.equals("GET") && path.equals("/api/v10/gateway/bot")) {
      // What Discord recommends: one shard per guild here, so that auto shards them.
      return json(
          200,
          Map.of(
              "url",
              gatewayUrl(),
              "shards",
              guilds.size(),
              "session_start_limit",
              Map.of("total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1)));
    }
    if (m.equals("GET") && path.equals("/api/v10/users/@me")) {
      return json(200, FakePayloads.botUser());
    }
    if (m.equals("PUT") && path.endsWith("/commands")) {
      return json(200, List.of());
    }
    if ((m.equals("PATCH") || m.equals("POST")) && path.startsWith("/api/v10/webhooks/")) {
      return json(200, FakePayloads.sentMessage(call.body(), FakePayloads.CHANNEL));
    }
    if (m.equals("POST") && path.matches("/api/v10/channels/\\d+/messages")) {
      return json(200, FakePayloads.sentMessage(call.body(), path.split("/")[4]));
    }
    if (path.endsWith("/callback")
        || m.equals("DELETE")
        || path.endsWith("/typing")
        || path.contains("/reactions/")) {
      return new MockResponse.Builder().code(204).build();
    }
    return json(404, Map.of("message", "404: Not Found", "code", 0));
  }

  private static JsonNode body(RecordedRequest request) {
    ByteString bytes = request.getBody();
    if (bytes == null || bytes.size() == 0) {
      return null;
    }
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data")) {
      return FakePayloads.parse(bytes.utf8());
    }
    try (MultipartReader reader =
        new MultipartReader(ResponseBody.create(bytes, MediaType.get(type)))) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        if (disposition != null && disposition.contains("name=\"payload_json\"")) {
          return FakePayloads.parse(part.body().readUtf8());
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(FakePayloads.write(body))
        .build();
  }

  @Override
  public void close() {
    gateway.close();
    server.close();
  }
}
