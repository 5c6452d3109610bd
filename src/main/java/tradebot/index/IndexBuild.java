package tradebot.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import tradebot.knowledge.Passage;

/**
 * One index being written: passages are added as they come (nothing else holds them, so a large
 * knowledge base streams through in the writer's buffer), then {@link #commit} makes it the store's
 * current index, or {@link #close} without a commit throws it away and leaves the current one in
 * place. Made by {@link IndexStore#begin()}. Not thread-safe: one builder thread.
 */
public final class IndexBuild implements AutoCloseable {
  /** The writer's buffer: larger flushes fewer, bigger segments, but counts against the heap. */
  private static final double RAM_BUFFER_MB = 64;

  private final IndexStore store;
  private final Directory directory;
  private final Path tmp; // null in memory
  private final IndexWriter writer;
  private int added;
  private boolean finished;

  IndexBuild(IndexStore store, Directory directory, Path tmp) throws IOException {
    this.store = store;
    this.directory = directory;
    this.tmp = tmp;
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setSimilarity(Schema.SIMILARITY);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    IndexWriter w;
    try {
      w = new IndexWriter(directory, config);
    } catch (IOException | RuntimeException e) {
      store.abandon(directory, tmp);
      throw e;
    }
    this.writer = w;
  }

  /** Adds one passage. */
  public void add(Passage passage) throws IOException {
    Objects.requireNonNull(passage, "passage");
    if (finished) {
      throw new IllegalStateException("index build already committed or closed");
    }
    writer.addDocument(toDocument(passage));
    added++;
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
   * index stays (and stays open for whoever holds it) until {@link IndexStore#prune} removes it.
   */
  public PassageIndex commit(String version) throws IOException {
    IndexStore.checkVersion(version);
    if (finished) {
      throw new IllegalStateException("index build already committed or closed");
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

  /** Throws the build away unless it was committed. */
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

  private static Document toDocument(Passage p) {
    Document doc = new Document();
    long day = p.source().published().toEpochDay();
    doc.add(new StringField(Schema.ID, p.id(), Field.Store.YES));
    doc.add(new StringField(Schema.ARTICLE, p.source().id(), Field.Store.NO));
    doc.add(new TextField(Schema.FOCUS, p.anchorSentence().text(), Field.Store.NO));
    doc.add(new TextField(Schema.CONTEXT, p.text(), Field.Store.NO));
    doc.add(new TextField(Schema.WORDS, p.anchorSentence().text(), Field.Store.NO));
    doc.add(new TextField(Schema.TITLE, p.source().title(), Field.Store.NO));
    doc.add(new LongPoint(Schema.PUBLISHED, day));
    doc.add(new NumericDocValuesField(Schema.PUBLISHED, day));
    doc.add(new StoredField(Schema.PAYLOAD, PayloadCodec.write(p)));
    return doc;
  }
}
