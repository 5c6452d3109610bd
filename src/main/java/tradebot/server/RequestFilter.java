package tradebot.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tradebot.metrics.Metrics;

/**
 * Wraps every request: gives it a request id (in the MDC, so that every log line of the request
 * carries it, and in the {@code X-Request-Id} response header), turns away bodies over the limit
 * and new requests while the server drains, counts requests in flight, and writes one access line
 * and one metric per request. Thread-safe.
 */
final class RequestFilter implements Filter {
  private static final Logger log = LoggerFactory.getLogger("tradebot.http");
  static final String MDC_KEY = "request_id";
  static final String HEADER = "X-Request-Id";

  /** A caller's own request id is kept when it is this tame; anything else gets a fresh one. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Probes and scrapes: logged at debug, not to drown the requests that matter. */
  private static final Set<String> QUIET = Set.of("/healthz", "/readyz", "/metrics");

  private final Metrics metrics;
  private final Set<String> routes;
  private final int maxBodyBytes;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  RequestFilter(Metrics metrics, Set<String> routes, int maxBodyBytes) {
    this.metrics = metrics;
    this.routes = Set.copyOf(routes);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    long t0 = System.nanoTime();
    String given = req.getHeader(HEADER);
    String id = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
    MDC.put(MDC_KEY, id);
    res.setHeader(HEADER, id);
    inFlight.incrementAndGet();
    try {
      if (draining) {
        res.setHeader("Connection", "close");
        reject(res, 503, "the server is shutting down");
      } else if (req.getContentLengthLong() > maxBodyBytes) {
        reject(res, 413, "the request body is over " + maxBodyBytes + " bytes");
      } else {
        chain.doFilter(request, response);
        if (draining && !res.isCommitted()) {
          // Finished while the server drains: no next request on this connection.
          res.setHeader("Connection", "close");
        }
      }
    } finally {
      inFlight.decrementAndGet();
      String path = req.getRequestURI();
      String route = routes.contains(path) ? path : "other";
      long nanos = System.nanoTime() - t0;
      int status = res.getStatus();
      if (QUIET.contains(path) && status < 400) {
        log.debug("{} {} {} {} ms", req.getMethod(), path, status, nanos / 1_000_000);
      } else {
        log.info("{} {} {} {} ms", req.getMethod(), path, status, nanos / 1_000_000);
      }
      metrics.recordHttp(req.getMethod(), route, status, nanos);
      MDC.remove(MDC_KEY);
    }
  }

  /** Answers every further request with 503, so that those in flight can finish. */
  void drain() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  /** Requests being served now. */
  int inFlight() {
    return inFlight.get();
  }

  private static void reject(HttpServletResponse res, int status, String message)
      throws IOException {
    res.setStatus(status);
    res.setContentType("application/json; charset=utf-8");
    res.getOutputStream().write(Json.error(message).getBytes(StandardCharsets.UTF_8));
  }

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
