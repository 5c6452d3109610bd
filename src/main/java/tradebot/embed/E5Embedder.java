package tradebot.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * e5-small-v2, quantized (384 dimensions), run in process by ONNX Runtime from the weights in its
 * Maven artifact: no network, no GPU. e5 was trained with "query: " and "passage: " prefixes and
 * compares texts best with them. Thread-safe (an ONNX session serves concurrent calls).
 */
final class E5Embedder implements Embedder {
  static final String MODEL = "e5-small-v2-q";

  /**
   * Characters of a text embedded at most: the model reads 512 word pieces, and a sentence longer
   * than this is page furniture that the splitter could not break (embedding cost grows with it).
   */
  private static final int MAX_CHARS = 2_000;

  private final AtomicLong embedded = new AtomicLong();

  /**
   * Loaded on first use: it takes seconds. Not in the background ahead of need: ONNX Runtime closes
   * its environment in a shutdown hook, and a process that exits while another thread creates the
   * session (a command that fails fast beside a warm-up) crashes the JVM.
   */
  private static final class Loaded {
    // The caller's thread runs each text: ingestion already spreads documents across threads.
    static final E5SmallV2QuantizedEmbeddingModel MODEL =
        new E5SmallV2QuantizedEmbeddingModel(Runnable::run);
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[] query(String question) {
    return embed(List.of("query: " + clip(question))).getFirst();
  }

  @Override
  public List<float[]> passages(List<String> texts) {
    List<String> prefixed = new ArrayList<>(texts.size());
    texts.forEach(t -> prefixed.add("passage: " + clip(t)));
    return embed(prefixed);
  }

  @Override
  public long embedded() {
    return embedded.get();
  }

  private List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<Embedding> out = Loaded.MODEL.embedAll(segments).content();
    embedded.addAndGet(texts.size());
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(Vectors.unit(e.vector()));
    }
    return vectors;
  }

  private static String clip(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }
}
