package tradebot.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A route served by the HTTP server on behalf of an adapter that speaks its own protocol (Slack's
 * events and commands), without the adapter depending on the server's framework. Implementations
 * are thread-safe.
 */
@FunctionalInterface
public interface RawHandler {

  /** Handles one request; must answer within the platform's deadline. */
  RawResponse handle(RawRequest request) throws Exception;

  /**
   * An HTTP request as received. Immutable.
   *
   * @param method e.g. "POST"
   * @param path e.g. "/slack/events"
   * @param query query parameters
   * @param headers headers, names lower-cased, each with all its values
   * @param body the raw body (signatures are computed over it)
   */
  record RawRequest(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] body) {
    public RawRequest {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      query = Map.copyOf(query);
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * An HTTP response to send. Immutable.
   *
   * @param status HTTP status
   * @param contentType e.g. "application/json; charset=utf-8"
   * @param headers extra headers
   * @param body the body
   */
  record RawResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public RawResponse {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    public static RawResponse text(int status, String contentType, String body) {
      return new RawResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
