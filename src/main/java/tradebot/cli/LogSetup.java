package tradebot.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;
import tradebot.config.TradebotConfig;

/**
 * Switches the log lines on standard error between readable text (the pattern in {@code
 * logback.xml}) and one JSON object a line. Both carry the MDC's {@code request_id}. Thread-safe
 * enough for start-up: call it before the work begins.
 */
final class LogSetup {
  /** The appender {@code logback.xml} defines. */
  private static final String APPENDER = "STDERR";

  /** The property {@code logback.xml} defines for the text pattern. */
  private static final String TEXT_PATTERN = "TEXT_PATTERN";

  private LogSetup() {}

  /**
   * Writes every following line in {@code format}; does nothing when Logback is not the backend.
   */
  static void apply(TradebotConfig.LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
    if (!(appender instanceof OutputStreamAppender<ILoggingEvent> out)) {
      return;
    }
    Encoder<ILoggingEvent> encoder =
        switch (format) {
          case TEXT -> {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            String pattern = context.getProperty(TEXT_PATTERN);
            text.setPattern(
                pattern == null ? "%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n" : pattern);
            yield text;
          }
          case JSON -> {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            yield json;
          }
        };
    encoder.setContext(context);
    encoder.start();
    out.stop();
    out.setEncoder(encoder);
    out.start();
  }
}
