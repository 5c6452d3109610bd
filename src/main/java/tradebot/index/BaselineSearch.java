package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import tradebot.knowledge.Article;

/**
 * The reference point answers are measured against: plain BM25 (StandardAnalyzer, k1=0.9, b=0.4)
 * over raw paragraphs (no cleaning, no sentences), the top paragraph as the answer, never
 * declining. In memory; for evaluation and benchmarks only. Thread-safe after {@link #build}.
 */
public final class BaselineSearch implements AutoCloseable {
  /** A raw paragraph of an article. */
  public record Paragraph(Article article, String text) {}

  private static final String TEXT = "text";
  private static final String REF = "ref";

  private final Analyzer analyzer = new StandardAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Paragraph> paragraphs;

  private BaselineSearch(DirectoryReader reader, List<Paragraph> paragraphs) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
    this.paragraphs = paragraphs;
  }

  /** Indexes every non-blank line of every article body as a paragraph. */
  public static BaselineSearch build(List<Article> articles) {
    List<Paragraph> paragraphs = new ArrayList<>();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (Article a : articles) {
        for (String line : a.body().split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          Document doc = new Document();
          doc.add(new TextField(TEXT, line, Field.Store.NO));
          doc.add(new StoredField(REF, paragraphs.size()));
          writer.addDocument(doc);
          paragraphs.add(new Paragraph(a, line.strip()));
        }
      }
      writer.commit();
      return new BaselineSearch(DirectoryReader.open(dir), paragraphs);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory baseline index failed", e);
    }
  }

  /** The best paragraph for {@code question}'s words, if any word matches. */
  public Optional<Paragraph> top(String question) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(TEXT, question)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        q.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
      TopDocs top = searcher.search(q.build(), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int ref =
          searcher
              .storedFields()
              .document(top.scoreDocs[0].doc)
              .getField(REF)
              .numericValue()
              .intValue();
      return Optional.of(paragraphs.get(ref));
    } catch (IOException | IndexSearcher.TooManyClauses e) {
      throw new IllegalStateException("baseline search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
