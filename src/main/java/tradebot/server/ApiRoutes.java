package tradebot.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.answer.Answer;
import tradebot.answer.AnswerJson;
import tradebot.feedback.ReportJson;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

/** The handlers of the HTTP API. Thread-safe. */
final class ApiRoutes {
  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
  static final String JSON = "application/json; charset=utf-8";

  /** How long {@code POST /api/reload} waits for the build before answering 202. */
  private static final Duration RELOAD_WAIT = Duration.ofMinutes(2);

  /** Error thrown by a handler: becomes {@code {"error": message}} with this status. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final Map<String, String> headers;

    ApiError(int status, String message) {
      this(status, message, Map.of());
    }

    ApiError(int status, String message, Map<String, String> headers) {
      super(message);
      this.status = status;
      this.headers = headers;
    }
  }

  private final TradeService service;
  private final Metrics metrics;
  private final byte[] adminToken; // null: reload over HTTP is disabled
  private final RequestFilter filter;
  private final int maxBodyBytes;

  ApiRoutes(
      TradeService service,
      Metrics metrics,
      String adminToken,
      RequestFilter filter,
      int maxBodyBytes) {
    this.service = service;
    this.metrics = metrics;
    this.adminToken =
        adminToken == null || adminToken.isBlank()
            ? null
            : adminToken.strip().getBytes(StandardCharsets.UTF_8);
    this.filter = filter;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Before the knowledge base is loaded (the server listens first, so that {@code /readyz} can say
   * 503), a route that needs it answers 503 with a Retry-After instead of failing.
   */
  void requireLoaded(Context ctx) {
    if (!service.ready()) {
      throw new ApiError(
          503,
          "the knowledge base is still loading; try again shortly",
          Map.of("Retry-After", "5"));
    }
  }

  void healthz(Context ctx) {
    ctx.contentType(JSON).result("{\"status\":\"ok\"}");
  }

  void readyz(Context ctx) {
    if (filter.draining()) {
      ctx.status(503).contentType(JSON).result("{\"status\":\"shutting down\"}");
    } else if (!service.ready()) {
      ctx.status(503).contentType(JSON).result("{\"status\":\"loading\"}");
    } else {
      TradeService.KnowledgeBase base = service.knowledgeBase();
      ctx.contentType(JSON)
          .result(
              Json.MAPPER
                  .createObjectNode()
                  .put("status", "ready")
                  .put("version", base.version())
                  .put("articles", base.articles())
                  .toString());
    }
  }

  void metrics(Context ctx) {
    ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
  }

  void ask(Context ctx) throws IOException {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(body(ctx));
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    JsonNode q = body == null ? null : body.get("question");
    if (q == null || !q.isTextual()) {
      throw new ApiError(
          400,
          "the body must be a JSON object with a \"question\" string, e.g. {\"question\": \"What is the tariff on Chinese goods?\"}");
    }
    log.debug("question: {}", q.asText());
    Answer answer = service.ask(q.asText()).answer();
    ctx.contentType(JSON).result(AnswerJson.toJsonLine(answer));
  }

  /**
   * The tariff tracker's JSON, as {@code tariff --json} prints it: {@code latest}, {@code pending}
   * and {@code history}. {@code ?direction=us-china} keeps one way; {@code ?history=false} leaves
   * the history out (an empty array, so that the keys stay the same).
   */
  void tariff(Context ctx) throws IOException {
    boolean history = flag(ctx, "history", true);
    TradeService.Tariffs.Levels levels =
        switch (service.tariffs(ctx.queryParam("direction"))) {
          case TradeService.Tariffs.UnknownDirection u -> throw new ApiError(400, u.message());
          case TradeService.Tariffs.Levels l -> l;
        };
    ObjectNode body = (ObjectNode) Json.MAPPER.readTree(levels.json());
    if (!history) {
      body.putArray("history");
    }
    ctx.contentType(JSON).result(body.toString());
  }

  /** Query parameter {@code name} as true or false; {@code absent} when not given. */
  private static boolean flag(Context ctx, String name, boolean absent) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return absent;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ApiError(400, name + " must be true or false: " + v);
    };
  }

  void sources(Context ctx) {
    ctx.contentType(JSON).result(Json.sources(service.sources()).toString());
  }

  void reload(Context ctx) throws InterruptedException {
    authorize(ctx);
    boolean wait = !"false".equalsIgnoreCase(ctx.queryParam("wait"));
    TradeService.Reloaded outcome =
        service.reload(
            new TradeService.Requester("admin@" + ctx.ip(), "api", true),
            wait ? RELOAD_WAIT : Duration.ZERO);
    switch (outcome) {
      case TradeService.Reloaded.Running r ->
          ctx.status(202)
              .contentType(JSON)
              .result(wait ? "{\"status\":\"still reloading\"}" : "{\"status\":\"reloading\"}");
      case TradeService.Reloaded.Finished f -> {
        int status =
            switch (f.report().outcome()) {
              case SWAPPED, UNCHANGED -> 200;
              case REFUSED -> 422;
              case FAILED -> 500;
            };
        ctx.status(status).contentType(JSON).result(Json.reload(f.report()).toString());
      }
      case TradeService.Reloaded.Denied d ->
          throw new ApiError(403, "reload needs the admin token");
    }
  }

  /**
   * The moderators' report ({@code ?days=7} by default) as {@code report --json} prints it; needs
   * the admin token.
   */
  void report(Context ctx) {
    authorize(ctx, "the report");
    int days;
    try {
      days = TradeService.reportDays(ctx.queryParam("days"));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    switch (service.report(
        new TradeService.Requester("admin@" + ctx.ip(), "api", true), Duration.ofDays(days))) {
      case TradeService.Reported.Made m ->
          ctx.contentType(JSON).result(ReportJson.toJson(m.report()).toString());
      case TradeService.Reported.Denied d ->
          throw new ApiError(403, "the report needs the admin token");
    }
  }

  private void authorize(Context ctx) {
    authorize(ctx, "reload");
  }

  private void authorize(Context ctx, String what) {
    if (adminToken == null) {
      throw new ApiError(
          403, what + " over HTTP is disabled: set " + ApiServer.ADMIN_TOKEN_ENV + " to enable it");
    }
    String header = ctx.header("Authorization");
    if (header == null
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || header.substring(7).isBlank()) {
      throw new ApiError(
          401,
          "send the admin token as 'Authorization: Bearer <token>'",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, adminToken)) {
      throw new ApiError(403, "wrong admin token");
    }
  }

  /** Serves a mounted adapter route: raw body, lower-cased header names. */
  Handler raw(RawHandler handler) {
    return ctx -> {
      Map<String, List<String>> headers = new HashMap<>();
      for (Enumeration<String> names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
        String name = names.nextElement();
        headers
            .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
            .addAll(java.util.Collections.list(ctx.req().getHeaders(name)));
      }
      RawHandler.RawResponse r =
          handler.handle(
              new RawHandler.RawRequest(
                  ctx.method().name(), ctx.path(), ctx.queryParamMap(), headers, body(ctx)));
      ctx.status(r.status());
      if (r.contentType() != null) {
        ctx.contentType(r.contentType());
      }
      r.headers().forEach(ctx::header);
      ctx.result(r.body());
    };
  }

  /** The request body, at most {@code maxBodyBytes}, whether or not a length was sent. */
  private byte[] body(Context ctx) throws IOException {
    InputStream in = ctx.req().getInputStream();
    byte[] bytes = in.readNBytes(maxBodyBytes + 1);
    if (bytes.length > maxBodyBytes) {
      throw new ApiError(413, "the request body is over " + maxBodyBytes + " bytes");
    }
    return bytes;
  }
}
