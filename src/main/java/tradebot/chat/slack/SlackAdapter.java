package tradebot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatService;
import tradebot.chat.RateLimiter;
import tradebot.chat.Unreachable;
import tradebot.config.TradebotConfig;
import tradebot.server.RawHandler;
import tradebot.state.LocalState;
import tradebot.state.SharedState;

/**
 * The Slack app (Bolt for Java): slash commands and mentions answered by the shared {@link
 * ChatService}, received either over HTTP ({@link #handler()}, mounted by the server at {@code POST
 * /slack/events}) or over Socket Mode ({@link #startSocketMode()}). Every HTTP request is checked
 * against the signing secret before Bolt sees it (and again by Bolt). The Web API base comes from
 * {@code slack.api_url}. Thread-safe; close it to stop.
 */
public final class SlackAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  private static final String UNAUTHORIZED = "{\"error\":\"invalid request\"}";

  /**
   * The secrets, from the environment. HTTP mode needs the bot token and the signing secret; Socket
   * Mode the bot token and the app-level token. {@link #toString()} hides the values.
   */
  public record Credentials(String botToken, String signingSecret, String appToken) {
    public Credentials {
      botToken = blankToNull(botToken);
      signingSecret = blankToNull(signingSecret);
      appToken = blankToNull(appToken);
      List<String> missing = new ArrayList<>();
      if (botToken == null) {
        missing.add("SLACK_BOT_TOKEN");
      }
      if (signingSecret == null && appToken == null) {
        missing.add("SLACK_SIGNING_SECRET");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "the Slack app needs "
                + String.join(" and ", missing)
                + " in the environment"
                + " (Socket Mode: SLACK_BOT_TOKEN and SLACK_APP_TOKEN)");
      }
      if (!botToken.startsWith("xoxb-")) {
        throw new IllegalArgumentException("SLACK_BOT_TOKEN must be a bot token (xoxb-...)");
      }
      if (appToken != null && !appToken.startsWith("xapp-")) {
        throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (xapp-...)");
      }
    }

    /** From SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_APP_TOKEN in {@code env}. */
    public static Credentials fromEnv(Map<String, String> env) {
      return new Credentials(
          env.get("SLACK_BOT_TOKEN"), env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_APP_TOKEN"));
    }

    /** Whether to connect over Socket Mode rather than serve HTTP. */
    public boolean socketMode() {
      return appToken != null;
    }

    @Override
    public String toString() {
      return "Credentials[botToken=***, signingSecret="
          + (signingSecret == null ? "none" : "***")
          + ", appToken="
          + (appToken == null ? "none" : "***")
          + "]";
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  private final Credentials credentials;
  private final Slack slack;
  private final App app;
  private final SlackHandlers handlers;
  private final SlackRequestParser parser;
  private final SignatureVerifier verifier;
  private SocketModeApp socketMode; // guarded by this
  private boolean closed; // guarded by this

  /**
   * Builds the app and checks the bot token with {@code auth.test}.
   *
   * @param clock the time request signatures are checked against
   * @param admitUser whether a user may make another request now (a rate limit); a limited user is
   *     told how long to wait
   * @throws IllegalStateException when Slack rejects the token or cannot be reached
   */
  public static SlackAdapter start(
      ChatService bot,
      TradebotConfig.Slack config,
      Credentials credentials,
      Clock clock,
      Function<String, RateLimiter.Verdict> admitUser,
      SharedState state) {
    return new SlackAdapter(
        bot,
        config,
        credentials,
        clock,
        admitUser,
        new Retry(3, Duration.ofMillis(500)),
        eventId -> state.claim("slack:event:" + eventId, EVENT_CLAIM));
  }

  /**
   * How long an event id stays claimed: Slack retries an unacknowledged event three times within
   * about five minutes.
   */
  static final Duration EVENT_CLAIM = Duration.ofHours(1);

  SlackAdapter(
      ChatService bot,
      TradebotConfig.Slack config,
      Credentials credentials,
      Clock clock,
      Function<String, RateLimiter.Verdict> admitUser,
      Retry retry) {
    this(bot, config, credentials, clock, admitUser, retry, local(clock));
  }

  private static Predicate<String> local(Clock clock) {
    LocalState events = new LocalState(clock);
    return eventId -> events.claim(eventId, EVENT_CLAIM);
  }

  SlackAdapter(
      ChatService bot,
      TradebotConfig.Slack config,
      Credentials credentials,
      Clock clock,
      Function<String, RateLimiter.Verdict> admitUser,
      Retry retry,
      Predicate<String> firstDelivery) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    SlackConfig sc = new SlackConfig();
    sc.setMethodsEndpointUrlPrefix(
        config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/");
    sc.setStatsEnabled(false);
    sc.setHttpClientCallTimeoutMillis(15_000);
    this.slack = Slack.getInstance(sc);
    AppConfig ac =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(credentials.botToken())
            .signingSecret(credentials.signingSecret())
            // Every HTTP request is checked once, by SignatureVerifier in handle(), before Bolt
            // sees it: that check reads the injected clock (tests drive it), rejects timestamps
            // from the future as well as old ones, and logs why. Bolt's own check would repeat it
            // against the system clock; Socket Mode carries no signature.
            .requestVerificationEnabled(false)
            .allEventsApiAutoAckEnabled(true)
            .build();
    this.app = new App(ac);
    this.handlers = new SlackHandlers(bot, config, admitUser, retry, firstDelivery);
    handlers.register(app);
    try {
      checkToken(slack, credentials.botToken(), sc.getMethodsEndpointUrlPrefix());
      app.start();
    } catch (RuntimeException e) {
      handlers.close();
      closeQuietly(slack);
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException(
              "checking SLACK_BOT_TOKEN with auth.test at "
                  + sc.getMethodsEndpointUrlPrefix()
                  + " failed: "
                  + e.getMessage(),
              e);
    }
    this.parser = new SlackRequestParser(app.config());
    this.verifier =
        credentials.signingSecret() == null
            ? null
            : new SignatureVerifier(credentials.signingSecret(), clock);
  }

  /**
   * Asks Slack whether the bot token is good, before Bolt does (Bolt reports a network failure as
   * "The token is invalid"): a network failure is said to be one, a refusal names Slack's error.
   */
  private static void checkToken(Slack slack, String token, String api) {
    AuthTestResponse r;
    try {
      r = slack.methods(token).authTest(req -> req);
    } catch (IOException e) {
      throw new IllegalStateException(Unreachable.message("Slack", api, e, "slack.api_url"), e);
    } catch (SlackApiException e) {
      throw new IllegalStateException(
          "checking SLACK_BOT_TOKEN with auth.test at "
              + api
              + " failed: HTTP "
              + e.getResponse().code(),
          e);
    }
    if (!r.isOk()) {
      throw new IllegalStateException(
          "Slack rejected the token in SLACK_BOT_TOKEN (auth.test at "
              + api
              + ": "
              + r.getError()
              + ")");
    }
  }

  /** The handler for {@code POST /slack/events}: events, slash commands and their checks. */
  public RawHandler handler() {
    if (verifier == null) {
      throw new IllegalStateException(
          "serving /slack/events needs SLACK_SIGNING_SECRET in the environment");
    }
    return this::handle;
  }

  private RawHandler.RawResponse handle(RawHandler.RawRequest request) throws Exception {
    if (!"POST".equalsIgnoreCase(request.method())) {
      return RawHandler.RawResponse.text(405, "text/plain; charset=utf-8", "POST only");
    }
    SignatureVerifier.Verdict verdict =
        verifier.verify(
            request.header("x-slack-request-timestamp"),
            request.header("x-slack-signature"),
            request.body());
    if (verdict != SignatureVerifier.Verdict.OK) {
      log.warn("rejected a request to {}: {}", request.path(), verdict.reason);
      return RawHandler.RawResponse.text(401, "application/json; charset=utf-8", UNAUTHORIZED);
    }
    Map<String, List<String>> query = new HashMap<>();
    request.query().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
    Request<?> slackRequest =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(query)
                .headers(new RequestHeaders(request.headers()))
                .requestBody(request.bodyText())
                .remoteAddress(request.header("x-forwarded-for"))
                .build());
    Response response = app.run(slackRequest);
    Map<String, String> headers = new HashMap<>();
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (k, v) -> {
                if (k != null && v != null && !v.isEmpty() && !k.equalsIgnoreCase("content-type")) {
                  headers.put(k, v.getFirst());
                }
              });
    }
    String body = response.getBody() == null ? "" : response.getBody();
    String contentType =
        response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    return new RawHandler.RawResponse(
        status, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Connects over Socket Mode (needs SLACK_APP_TOKEN) and returns; events arrive on their own. */
  public synchronized void startSocketMode() throws Exception {
    if (!credentials.socketMode()) {
      throw new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN in the environment");
    }
    if (socketMode == null) {
      socketMode =
          new SocketModeApp(credentials.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
      log.info("connected to Slack over Socket Mode");
    }
  }

  /** Whether the credentials ask for Socket Mode. */
  public boolean socketMode() {
    return credentials.socketMode();
  }

  /** Disconnects and stops the app. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (socketMode != null) {
        socketMode.close();
      }
      app.stop();
    } catch (Exception e) {
      log.warn("stopping the Slack app: {}", e.toString());
    }
    handlers.close();
    closeQuietly(slack);
  }

  private static void closeQuietly(Slack slack) {
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("closing the Slack client: {}", e.toString());
    }
  }
}
