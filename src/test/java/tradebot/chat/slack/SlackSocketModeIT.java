package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.chat.RateLimiter;
import tradebot.config.TradebotConfig;

/**
 * Socket Mode through the Java-WebSocket backend: the app opens a connection with its app token,
 * receives a mention and a slash command as envelopes, acknowledges each over the socket, and
 * answers through the (fake) Web API and response URL.
 */
class SlackSocketModeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Slack's side of the socket: says hello, then sends what the test gives it. */
  static final class FakeSocket extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch opened = new CountDownLatch(1);
    final BlockingQueue<String> fromApp = new LinkedBlockingQueue<>();
    volatile WebSocket connection;

    FakeSocket() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      connection = conn;
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
      opened.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      fromApp.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}
  }

  @Test
  void mentionAndSlashCommandArriveOverTheSocketAndAreAcknowledgedAndAnswered() throws Exception {
    ChatService bot =
        request ->
            ChatReply.text(
                ChatReply.Status.INFO,
                request.command() == Command.ASK ? "asked: " + request.text() : "sources",
                false);
    FakeSocket socket = new FakeSocket();
    socket.start();
    try (FakeSlack fake = new FakeSlack(Set.of())) {
      assertTrue(socket.started.await(10, TimeUnit.SECONDS));
      fake.socketUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
      TradebotConfig.Slack config =
          new TradebotConfig.Slack(
              List.of(), TradebotConfig.Slack.DEFAULTS.userRate(), fake.apiUrl());
      try (SlackAdapter adapter =
          new SlackAdapter(
              bot,
              config,
              new SlackAdapter.Credentials("xoxb-test", null, "xapp-test"),
              Clock.systemUTC(),
              u -> new RateLimiter.Allowed(),
              new Retry(2, Duration.ofMillis(50)))) {
        adapter.startSocketMode();
        assertTrue(socket.opened.await(10, TimeUnit.SECONDS), "the app did not connect");
        assertEquals("Bearer xapp-test", fake.await("/api/apps.connections.open").authorization());

        socket.connection.send(
            JSON.writeValueAsString(
                Map.of(
                    "envelope_id",
                    "env-1",
                    "type",
                    "events_api",
                    "accepts_response_payload",
                    false,
                    "payload",
                    Map.of(
                        "token",
                        "x",
                        "team_id",
                        "T1",
                        "api_app_id",
                        "A1",
                        "type",
                        "event_callback",
                        "event_id",
                        "Ev1",
                        "event_time",
                        1700000000,
                        "event",
                        Map.of(
                            "type",
                            "app_mention",
                            "user",
                            "U1",
                            "channel",
                            "C900",
                            "text",
                            "<@UBOT> what now?",
                            "ts",
                            "1700000000.000900",
                            "event_ts",
                            "1700000000.000900")))));
        assertEquals(
            "env-1",
            JSON.readTree(socket.fromApp.poll(10, TimeUnit.SECONDS)).get("envelope_id").asText());
        Map<String, String> posted = fake.await("/api/chat.postMessage").form();
        assertEquals("C900", posted.get("channel"));
        assertEquals("1700000000.000900", posted.get("thread_ts"));
        assertEquals("asked: what now?", posted.get("text"));

        String responseUrl = fake.newResponseUrl();
        socket.connection.send(
            JSON.writeValueAsString(
                Map.of(
                    "envelope_id",
                    "env-2",
                    "type",
                    "slash_commands",
                    "accepts_response_payload",
                    true,
                    "payload",
                    Map.of(
                        "token",
                        "x",
                        "team_id",
                        "T1",
                        "channel_id",
                        "C900",
                        "user_id",
                        "U1",
                        "command",
                        "/sources",
                        "text",
                        "",
                        "api_app_id",
                        "A1",
                        "response_url",
                        responseUrl,
                        "trigger_id",
                        "1.2"))));
        JsonNode ack = JSON.readTree(socket.fromApp.poll(10, TimeUnit.SECONDS));
        assertEquals("env-2", ack.get("envelope_id").asText());
        JsonNode reply = JSON.readTree(fake.await(URI.create(responseUrl).getPath()).body());
        assertEquals("sources", reply.get("text").asText());
        assertEquals("in_channel", reply.get("response_type").asText());
      }
    } finally {
      socket.stop(1000);
    }
  }
}
