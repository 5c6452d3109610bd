package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadClientTest {
  @Test
  void loadIsOnlySentToLoopback() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LoadClient(URI.create("http://192.0.2.1:8080/api/ask"), Duration.ofSeconds(1)));
    assertEquals(
        "load is only sent to http on a loopback address: http://192.0.2.1:8080/api/ask",
        e.getMessage());
    new LoadClient(URI.create("http://127.0.0.1:8080/api/ask"), Duration.ofSeconds(1));
    new LoadClient(URI.create("http://localhost:8080/api/ask"), Duration.ofSeconds(1));
  }
}
