package tradebot.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import tradebot.knowledge.Passage;

/**
 * Writes a passage, with its sentences' analysis, into a doc-values field and reads it back.
 * Analysis is done once at index time so that a search need not analyze its hits again.
 * Thread-safe.
 */
final class PayloadCodec {
  /** What one document carries. */
  record Payload(Passage passage, List<List<Token>> tokens) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PayloadCodec() {}

  static byte[] write(Payload payload) {
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode passage " + payload.passage().id(), e);
    }
  }

  static Payload read(byte[] bytes, int offset, int length) {
    try {
      return JSON.readValue(bytes, offset, length, Payload.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("corrupt passage payload: " + e.getMessage(), e);
    }
  }
}
