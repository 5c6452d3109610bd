package tradebot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tradebot.index.BaselineSearch;

/**
 * The plain BM25 baseline's answer in the answer JSON shape, so that {@link Evaluator} scores it as
 * it scores the bot: the top paragraph as citation 1, never a decline. Thread-safe.
 */
public final class BaselineJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BaselineJson() {}

  /** The baseline's answer to {@code question}. */
  public static ObjectNode answer(BaselineSearch bm25, String question) {
    ObjectNode out = JSON.createObjectNode();
    out.put("question", question);
    var top = bm25.top(question);
    out.put("answered", top.isPresent());
    var citations = out.putArray("citations");
    top.ifPresent(
        p -> {
          ObjectNode c = citations.addObject();
          c.put("n", 1);
          c.put("article", p.article().id());
          c.put("published", p.article().source().published().toString());
          c.put("quote", p.text());
        });
    out.putArray("figures");
    return out;
  }
}
