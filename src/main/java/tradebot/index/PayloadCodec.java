package tradebot.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import tradebot.knowledge.Passage;

/** Writes a passage into a stored field and reads it back. Thread-safe. */
final class PayloadCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PayloadCodec() {}

  static String write(Passage passage) {
    try {
      return JSON.writeValueAsString(passage);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode passage " + passage.id(), e);
    }
  }

  static Passage read(String json) {
    try {
      return JSON.readValue(json, Passage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt passage payload: " + e.getOriginalMessage(), e);
    }
  }
}
