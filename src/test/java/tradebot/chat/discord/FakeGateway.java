package tradebot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The fake gateway: plain JSON frames (no compression). Says HELLO on connect, answers IDENTIFY
 * with READY and GUILD_CREATE, RESUME with RESUMED, and each heartbeat with an ACK. Records every
 * frame the client sends. Thread-safe.
 */
final class FakeGateway extends WebSocketListener {
  private final String url;
  private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  private final AtomicInteger seq = new AtomicInteger();
  private volatile WebSocket socket;

  FakeGateway(String url) {
    this.url = url;
  }

  @Override
  public void onOpen(WebSocket ws, Response response) {
    socket = ws;
    send(Map.of("op", 10, "d", Map.of("heartbeat_interval", 41250)));
  }

  @Override
  public void onMessage(WebSocket ws, String text) {
    JsonNode frame = FakePayloads.parse(text);
    frames.add(frame);
    switch (frame.path("op").asInt()) {
      case 1 -> send(Map.of("op", 11));
      case 2 -> {
        dispatch("READY", FakePayloads.ready(url));
        dispatch("GUILD_CREATE", FakePayloads.guildCreate());
      }
      case 6 -> dispatch("RESUMED", Map.of("_trace", List.of("fake")));
      default -> {}
    }
  }

  @Override
  public void onClosing(WebSocket ws, int code, String reason) {
    ws.close(1000, null);
  }

  /** Sends a DISPATCH event with the next sequence number. */
  void dispatch(String type, Object data) {
    send(Map.of("op", 0, "t", type, "s", seq.incrementAndGet(), "d", data));
  }

  /** The sequence number of the last event sent. */
  int lastSeq() {
    return seq.get();
  }

  /** Op 7: tells the client to reconnect (and resume). */
  void askToReconnect() {
    send(Map.of("op", 7));
  }

  /** Frames received from the client with op {@code op}. */
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

  private void send(Object frame) {
    WebSocket ws = socket;
    if (ws == null) {
      throw new IllegalStateException("no gateway connection");
    }
    ws.send(FakePayloads.write(frame));
  }

  void close() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.close(1001, "fake discord closing");
    }
  }
}
