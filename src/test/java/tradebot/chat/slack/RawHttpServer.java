package tradebot.chat.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tradebot.server.RawHandler;

/**
 * Test-only: serves one {@link RawHandler} on 127.0.0.1 and a free port with the JDK's HTTP server,
 * standing in for the real server that mounts it at {@code /slack/events}.
 */
final class RawHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  RawHttpServer(String path, RawHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(path, exchange -> serve(exchange, handler));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, RawHandler handler) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      Map<String, List<String>> query = new HashMap<>();
      String raw = exchange.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&")) {
          String[] kv = pair.split("=", 2);
          query
              .computeIfAbsent(decode(kv[0]), k -> new ArrayList<>())
              .add(kv.length > 1 ? decode(kv[1]) : "");
        }
      }
      RawHandler.RawResponse response;
      try {
        response =
            handler.handle(
                new RawHandler.RawRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    query,
                    headers,
                    body));
      } catch (Exception e) {
        response = RawHandler.RawResponse.text(500, "text/plain", e.toString());
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (response.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      exchange.sendResponseHeaders(
          response.status(), response.body().length == 0 ? -1 : response.body().length);
      exchange.getResponseBody().write(response.body());
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
