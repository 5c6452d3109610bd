package tradebot.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorIdsTest {
  @Test
  void anErrorIsLoggedOnceWithItsIdArgumentsAndStackTraceAndTheUserSeesTheSameId() {
    Logger log = (Logger) LoggerFactory.getLogger("tradebot.errors.test");
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    log.addAppender(seen);
    IllegalStateException boom = new IllegalStateException("boom");
    try {
      String id = ErrorIds.logged(log, boom, "handling {} from {}", "ASK", "u1");
      assertTrue(id.matches("[0-9a-f]{8}"), id);
      assertEquals(1, seen.list.size());
      ILoggingEvent event = seen.list.getFirst();
      assertEquals("error id=" + id + " handling ASK from u1", event.getFormattedMessage());
      assertSame(boom, ((ThrowableProxy) event.getThrowableProxy()).getThrowable());
      assertEquals("Something went wrong on my side (error id " + id + ").", ErrorIds.userText(id));
    } finally {
      log.detachAppender(seen);
    }
  }
}
