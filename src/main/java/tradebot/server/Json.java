package tradebot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import tradebot.corpus.Corpus;
import tradebot.corpus.ReloadReport;
import tradebot.knowledge.LoadError;
import tradebot.service.TradeService;

/**
 * The JSON bodies of the HTTP API other than answers ({@code AnswerJson} has those). Thread-safe.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"error": message}}. */
  static String error(String message) {
    return MAPPER.createObjectNode().put("error", message).toString();
  }

  /** What a load of the knowledge base did. */
  static ObjectNode reload(ReloadReport r) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
    out.put("ok", r.ok());
    out.put("version", r.version());
    strings(out.putArray("added"), r.added());
    strings(out.putArray("changed"), r.changed());
    strings(out.putArray("removed"), r.removed());
    out.put("articles", r.articles());
    out.put("passages", r.passages());
    out.put("figures", r.figures());
    errors(out.putArray("errors"), r.errors());
    out.put("message", r.message());
    out.put("took_ms", r.took().toMillis());
    return out;
  }

  /** The articles listed, as {@code tradebot sources} lists them. */
  static ObjectNode sources(TradeService.Listing c) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("version", c.base().version());
    out.put("loaded_at", c.base().loadedAt().toString());
    ArrayNode list = out.putArray("articles");
    for (Corpus.ArticleInfo a : c.articles()) {
      ObjectNode n = list.addObject();
      n.put("id", a.source().id());
      n.put("title", a.source().title());
      n.put("outlet", a.source().outlet());
      n.put("published", a.source().published().toString());
      n.put("url", a.source().url());
      n.put("passages", a.passages());
      n.put("figures", a.figures());
    }
    out.put("passages", c.passages());
    out.put("figures", c.figures());
    errors(out.putArray("errors"), c.skipped());
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void errors(ArrayNode array, List<LoadError> errors) {
    for (LoadError e : errors) {
      array
          .addObject()
          .put("file", e.file().toString())
          .put("line", e.line())
          .put("message", e.message());
    }
  }
}
