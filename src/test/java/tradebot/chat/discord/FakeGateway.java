package tradebot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The fake gateway: plain JSON frames (no compression), one connection per shard. Says HELLO on
 * connect, answers IDENTIFY with READY and a GUILD_CREATE for each guild on the identifying shard
 * ({@code (guild_id >> 22) % total}, as Discord routes), RESUME with RESUMED, and each heartbeat
 * with an ACK. Sends a guild's events on its shard's connection. Records every frame the clients
 * send. Thread-safe.
 */
final class FakeGateway extends WebSocketListener {
  private final String url;
  private final List<String> guilds;
  private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  private final Map<Integer, WebSocket> sockets = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> seqs = new ConcurrentHashMap<>();
  private volatile int total = 1;

  FakeGateway(String url, List<String> guilds) {
    this.url = url;
    this.guilds = List.copyOf(guilds);
  }

  @Override
  public void onOpen(WebSocket ws, Response response) {
    ws.send(FakePayloads.write(Map.of("op", 10, "d", Map.of("heartbeat_interval", 41250))));
  }

  @Override
  public void onMessage(WebSocket ws, String text) {
    JsonNode frame = FakePayloads.parse(text);
    frames.add(frame);
    switch (frame.path("op").asInt()) {
      case 1 -> ws.send(FakePayloads.write(Map.of("op", 11)));
      case 2 -> {
        JsonNode shard = frame.path("d").path("shard");
        int id = shard.isArray() ? shard.path(0).asInt() : 0;
        total = shard.isArray() ? shard.path(1).asInt() : 1;
        sockets.put(id, ws);
        List<String> mine = guilds.stream().filter(g -> shardOf(g) == id).toList();
        send(id, "READY", FakePayloads.ready(url, session(id), mine, id, total));
        mine.forEach(g -> send(id, "GUILD_CREATE", FakePayloads.guildCreate(g)));
      }
      case 6 -> {
        String session = frame.path("d").path("session_id").asText();
        for (int id = 0; id < Math.max(1, total); id++) {
          if (session(id).equals(session)) {
            sockets.put(id, ws);
            send(id, "RESUMED", Map.of("_trace", List.of("fake")));
          }
        }
      }
      default -> {}
    }
  }

  @Override
  public void onClosing(WebSocket ws, int code, String reason) {
    ws.close(1000, null);
  }

  /** The session id of shard {@code id}'s connection. */
  static String session(int id) {
    return id == 0 ? FakePayloads.SESSION : FakePayloads.SESSION + "-shard" + id;
  }

  /** The shard Discord delivers guild {@code guildId}'s events on. */
  int shardOf(String guildId) {
    return (int) ((Long.parseLong(guildId) >> 22) % Math.max(1, total));
  }

  /**
   * Sends a DISPATCH event with the next sequence number, on the connection of the shard its {@code
   * guild_id} lives on (shard 0 for an event of no guild).
   */
  void dispatch(String type, Object data) {
    JsonNode guild = FakePayloads.JSON.valueToTree(data).path("guild_id");
    send(guild.isTextual() ? shardOf(guild.asText()) : 0, type, data);
  }

  /** The sequence number of the last event sent on shard 0. */
  int lastSeq() {
    return seqs.computeIfAbsent(0, k -> new AtomicInteger()).get();
  }

  /** Op 7: tells every connected shard to reconnect (and resume). */
  void askToReconnect() {
    sockets.values().forEach(ws -> ws.send(FakePayloads.write(Map.of("op", 7))));
  }

  /** Frames received from the clients with op {@code op}. */
  List<JsonNode> frames(int op) {
    return frames.stream().filter(f -> f.path("op").asInt() == op).toList();
  }

  /** Waits until {@code count} frames with {@code op} arrived. */
  void awaitFrames(int op, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (frames(op).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " gateway frames with op " + op + " within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  private void send(int shard, String type, Object data) {
    WebSocket ws = sockets.get(shard);
    if (ws == null) {
      throw new IllegalStateException("no gateway connection for shard " + shard);
    }
    int s = seqs.computeIfAbsent(shard, k -> new AtomicInteger()).incrementAndGet();
    ws.send(FakePayloads.write(Map.of("op", 0, "t", type, "s", s, "d", data)));
  }

  /** Closes shard {@code id}'s connection with {@code code} (e.g. 4011, sharding required). */
  void closeShard(int id, int code, String reason) {
    WebSocket ws = sockets.get(id);
    if (ws == null) {
      throw new IllegalStateException("no gateway connection for shard " + id);
    }
    ws.close(code, reason);
  }

  void close() {
    sockets.values().forEach(ws -> ws.close(1001, "fake discord closing"));
  }
}
