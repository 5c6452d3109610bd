package tradebot.chat.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Downloads a file shared in Slack ({@code url_private_download}), with the bot token, from Slack's
 * file host or the Web API's own host (a test's fake Slack) only: the token is never sent anywhere
 * else, and redirects are not followed. Thread-safe.
 */
final class SlackFiles {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Set<String> hosts;

  /**
   * @param apiUrl the Web API base ({@code slack.api_url}), whose host is trusted too
   */
  SlackFiles(String apiUrl) {
    this.hosts = Set.of("files.slack.com", host(URI.create(apiUrl)));
  }

  /**
   * The file's bytes, at most {@code limit + 1} of them (more is the caller's to refuse).
   *
   * @throws IOException naming the URL's host when it is not Slack's, or the HTTP status
   */
  byte[] download(String url, String botToken, long limit) throws IOException {
    Objects.requireNonNull(botToken, "botToken");
    URI uri = URI.create(url);
    if (!hosts.contains(host(uri))) {
      throw new IOException("not a Slack file host: " + host(uri));
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + botToken)
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("Slack answered HTTP " + response.statusCode() + " for the file");
        }
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading a file from Slack", e);
    }
  }

  private static String host(URI uri) {
    return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
  }
}
