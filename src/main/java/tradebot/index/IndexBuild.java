package tradebot.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;

/**
 * One index being written: passages are added as they come (nothing else holds them, so a large
 * knowledge base streams through in the writer's buffer), then {@link #commit} makes it the store's
 * current index, or {@link #close} without a commit throws it away and leaves the current one in
 * place. Made by {@link IndexStore#begin()}. {@link #prepare} is thread-safe, so that the costly
 * part of making an index document can run where the passages are made; the rest is for one thread.
 */
public final class IndexBuild implements AutoCloseable {
  /**
   * The writer's buffer: larger flushes fewer, bigger segments (less merging), but counts against
   * the heap; 128 MB leaves most of a 1 GiB heap to ingestion.
   */
  private static final double RAM_BUFFER_MB = 128;

  private final IndexStore store;
  private final Directory directory;
  private final Path tmp; // null in memory
  private final IndexWriter writer;
  private final Analyzer analyzer = Schema.analyzer();
  private int added;
  private boolean finished;

  IndexBuild(IndexStore store, Directory directory, Path tmp) throws IOException {
    this.store = store;
    this.directory = directory;
    this.tmp = tmp;
    try {
      this.writer = new IndexWriter(directory, config());
    } catch (IOException | RuntimeException e) {
      store.abandon(directory, tmp);
      throw e;
    }
  }

  /** How every index is written. */
  static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setSimilarity(Schema.SIMILARITY);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    // Segments stay in their own files: packing each into a compound file copies it once more.
    config.setUseCompoundFile(false);
    config.getMergePolicy().setNoCFSRatio(0.0);
    return config;
  }

  /** Passages made ready to add: their index documents, payloads encoded. Immutable. */
  public static final class Prepared {
    private final List<Document> documents;

    private Prepared(List<Document> documents) {
      this.documents = documents;
    }

    /** How many passages it holds. */
    public int size() {
      return documents.size();
    }

    List<Document> documents() {
      return documents;
    }
  }

  /**
   * Makes the index documents of {@code passages}, to {@link #add(Prepared)} later. Each text is
   * analyzed once here, however many passages hold it (a sentence stands in up to three, a title in
   * all of an article's), and replayed to the writer: the index is the same as if the writer had
   * analyzed every field itself.
   */
  public Prepared prepare(List<Passage> passages) {
    return prepare(passages, null);
  }

  /**
   * Like {@link #prepare(List)}, with each passage's anchor-sentence vector (unit length, one per
   * passage, in order), or null to build a lexical index. The passages are those of one article: a
   * window's vector is made of its sentences' own vectors (each sentence is some passage's anchor).
   */
  public Prepared prepare(List<Passage> passages, List<float[]> vectors) {
    if (vectors != null && vectors.size() != passages.size()) {
      throw new IllegalArgumentException(
          vectors.size() + " vectors for " + passages.size() + " passages");
    }
    Map<Integer, float[]> bySentence = new HashMap<>();
    for (int i = 0; vectors != null && i < passages.size(); i++) {
      bySentence.put(passages.get(i).anchorSentence().start(), vectors.get(i));
    }
    Map<String, Analysed> english = new HashMap<>(); // focus, context and title share one analysis
    List<Document> documents = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      Passage p = Objects.requireNonNull(passages.get(i), "passage");
      List<Analysed> window = new ArrayList<>(p.sentences().size());
      List<List<Token>> tokens = new ArrayList<>(p.sentences().size());
      for (Sentence s : p.sentences()) {
        Analysed a = english.computeIfAbsent(s.text(), t -> Analysed.of(analyzer, Schema.FOCUS, t));
        window.add(a);
        tokens.add(a.tokens());
      }
      Analysed title =
          english.computeIfAbsent(p.source().title(), t -> Analysed.of(analyzer, Schema.TITLE, t));
      String anchor = p.anchorSentence().text();
      documents.add(
          IndexStore.toDocument(
              p,
              Analysed.field(Schema.FOCUS, List.of(window.get(p.anchor()))),
              Analysed.field(Schema.CONTEXT, window),
              Analysed.field(Schema.WORDS, List.of(Analysed.of(analyzer, Schema.WORDS, anchor))),
              Analysed.field(Schema.TITLE, List.of(title)),
              tokens,
              vectors == null ? null : vectors.get(i),
              vectors == null ? null : windowVector(p, bySentence)));
    }
    return new Prepared(documents);
  }

  /** The normalized sum of the window's sentence vectors (those known). */
  private static float[] windowVector(Passage p, Map<Integer, float[]> bySentence) {
    float[] sum = null;
    for (Sentence s : p.sentences()) {
      float[] v = bySentence.get(s.start());
      if (v == null) {
        continue;
      }
      if (sum == null) {
        sum = new float[v.length];
      }
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
    }
    if (sum == null) {
      return null;
    }
    double norm = 0;
    for (float x : sum) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < sum.length; i++) {
      sum[i] *= scale;
    }
    return sum;
  }

  /** Adds prepared passages, in order. */
  public void add(Prepared prepared) throws IOException {
    checkOpen();
    for (Document d : prepared.documents) {
      writer.addDocument(d);
      added++;
    }
  }

  /** Adds one passage. */
  public void add(Passage passage) throws IOException {
    add(prepare(List.of(passage)));
  }

  /** Adds passages in order. */
  public void addAll(Iterable<Passage> passages) throws IOException {
    for (Passage p : passages) {
      add(p);
    }
  }

  /** How many passages have been added. */
  public int size() {
    return added;
  }

  /**
   * Commits the passages as index {@code version}, makes it current and opens it. The previous
   * index stays (and stays open for whoever holds it) until {@link IndexStore#prune} removes it. A
   * bad version throws the build away.
   */
  public PassageIndex commit(String version) throws IOException {
    checkOpen();
    try {
      IndexStore.checkVersion(version);
    } catch (IllegalArgumentException e) {
      close();
      throw e;
    }
    finished = true;
    try {
      writer.commit();
      writer.close();
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      store.abandon(directory, tmp);
      throw e;
    }
    return store.install(version, directory, tmp);
  }

  /** Throws the build away unless it was committed. Idempotent. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    try {
      writer.rollback();
    } finally {
      store.abandon(directory, tmp);
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("index build already committed or closed");
    }
  }
}
