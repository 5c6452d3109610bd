package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

/**
 * Passages prepared off the writer's thread (each text analyzed once and replayed) give exactly the
 * index the writer makes when it analyzes every field itself: the same terms, postings with
 * positions, norms, doc values and stored ids.
 */
class PreparedDocumentsTest {
  private final Analyzer analyzer = Schema.analyzer();

  /** What the writer gets when it analyzes the text fields itself. */
  private Document byTheWriter(Passage p) {
    List<List<Token>> tokens = new ArrayList<>();
    for (Sentence s : p.sentences()) {
      tokens.add(Analysis.tokens(analyzer, s.text()));
    }
    return IndexStore.toDocument(
        p,
        new TextField(Schema.FOCUS, p.anchorSentence().text(), Field.Store.NO),
        new TextField(Schema.CONTEXT, p.text(), Field.Store.NO),
        new TextField(Schema.WORDS, p.anchorSentence().text(), Field.Store.NO),
        new TextField(Schema.TITLE, p.source().title(), Field.Store.NO),
        tokens,
        null,
        null);
  }

  /** Indexes {@code articles} both ways and returns how many passages were compared. */
  static int assertSameIndex(List<List<Passage>> articles) throws IOException {
    PreparedDocumentsTest t = new PreparedDocumentsTest();
    try (Directory reference = new ByteBuffersDirectory();
        Directory prepared = new ByteBuffersDirectory();
        IndexBuild build = IndexStore.inMemory().begin()) {
      try (IndexWriter ref = new IndexWriter(reference, IndexBuild.config());
          IndexWriter pre = new IndexWriter(prepared, IndexBuild.config())) {
        for (List<Passage> passages : articles) {
          for (Passage p : passages) {
            ref.addDocument(t.byTheWriter(p));
          }
          for (Document d : build.prepare(passages).documents()) {
            pre.addDocument(d);
          }
        }
      }
      try (DirectoryReader a = DirectoryReader.open(reference);
          DirectoryReader b = DirectoryReader.open(prepared)) {
        assertSameContent(a, b);
        return a.maxDoc();
      }
    }
  }

  private static void assertSameContent(IndexReader a, IndexReader b) throws IOException {
    assertEquals(a.maxDoc(), b.maxDoc());
    FieldInfos fields = FieldInfos.getMergedFieldInfos(a);
    assertEquals(
        fieldNames(fields), fieldNames(FieldInfos.getMergedFieldInfos(b)), "the same fields");
    for (FieldInfo field : fields) {
      String name = field.name;
      Terms ta = MultiTerms.getTerms(a, name);
      Terms tb = MultiTerms.getTerms(b, name);
      assertEquals(ta == null, tb == null, name);
      if (ta != null) {
        assertSameTerms(name, ta.iterator(), tb.iterator());
      }
      NumericDocValues na = MultiDocValues.getNormValues(a, name);
      NumericDocValues nb = MultiDocValues.getNormValues(b, name);
      assertEquals(na == null, nb == null, name + " norms");
      if (na != null) {
        for (int doc = na.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = na.nextDoc()) {
          assertEquals(doc, nb.nextDoc(), name + " norms");
          assertEquals(na.longValue(), nb.longValue(), name + " norm of " + doc);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, nb.nextDoc());
      }
    }
    BinaryDocValues pa = MultiDocValues.getBinaryValues(a, Schema.PAYLOAD);
    BinaryDocValues pb = MultiDocValues.getBinaryValues(b, Schema.PAYLOAD);
    NumericDocValues da = MultiDocValues.getNumericValues(a, Schema.PUBLISHED);
    NumericDocValues db = MultiDocValues.getNumericValues(b, Schema.PUBLISHED);
    StoredFields sa = a.storedFields();
    StoredFields sb = b.storedFields();
    for (int doc = 0; doc < a.maxDoc(); doc++) {
      assertEquals(doc, pa.nextDoc());
      assertEquals(doc, pb.nextDoc());
      assertEquals(BytesRef.deepCopyOf(pa.binaryValue()), pb.binaryValue(), "payload " + doc);
      assertEquals(doc, da.nextDoc());
      assertEquals(doc, db.nextDoc());
      assertEquals(da.longValue(), db.longValue());
      assertEquals(sa.document(doc).get(Schema.ID), sb.document(doc).get(Schema.ID));
    }
  }

  private static List<String> fieldNames(FieldInfos infos) {
    List<String> names = new ArrayList<>();
    infos.forEach(f -> names.add(f.name + ":" + f.getIndexOptions() + ":" + f.omitsNorms()));
    return names;
  }

  private static void assertSameTerms(String field, TermsEnum a, TermsEnum b) throws IOException {
    PostingsEnum pa = null;
    PostingsEnum pb = null;
    for (BytesRef term = a.next(); term != null; term = a.next()) {
      BytesRef other = b.next();
      assertEquals(term.utf8ToString(), other == null ? null : other.utf8ToString(), field);
      assertEquals(a.docFreq(), b.docFreq(), field + ":" + term.utf8ToString());
      assertEquals(a.totalTermFreq(), b.totalTermFreq(), field + ":" + term.utf8ToString());
      pa = a.postings(pa, PostingsEnum.POSITIONS);
      pb = b.postings(pb, PostingsEnum.POSITIONS);
      for (int doc = pa.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pa.nextDoc()) {
        assertEquals(doc, pb.nextDoc(), field + ":" + term.utf8ToString());
        assertEquals(pa.freq(), pb.freq(), field + ":" + term.utf8ToString() + " in " + doc);
        for (int i = 0; i < pa.freq(); i++) {
          assertEquals(
              pa.nextPosition(),
              pb.nextPosition(),
              field + ":" + term.utf8ToString() + " position in " + doc);
        }
      }
      assertEquals(DocIdSetIterator.NO_MORE_DOCS, pb.nextDoc());
    }
    assertEquals(null, b.next(), field + ": more terms prepared");
  }

  private static List<List<Passage>> passagesOf(List<Path> dirs) throws IOException {
    Path config = Path.of("config");
    Ingester ingester = Ingester.fromConfig(config);
    KnowledgeLoader loader = new KnowledgeLoader(ingester);
    List<List<Passage>> out = new ArrayList<>();
    for (Path dir : dirs) {
      loader.load(dir).documents().forEach(d -> out.add(d.passages()));
    }
    return out;
  }

  @Test
  void theSeedAndTestArticlesIndexAsIfTheWriterAnalyzedEveryField() throws IOException {
    List<Path> dirs = new ArrayList<>(List.of(Path.of("knowledge")));
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
      walk.filter(Files::isDirectory).sorted().forEach(dirs::add);
    }
    int passages = assertSameIndex(passagesOf(dirs));
    assertTrue(passages > 300, passages + " passages compared");
  }

  @Test
  void stopWordsAtTheEdgesOfSentencesAndEmptySentencesKeepTheirPositions() throws IOException {
    Source source = new Source("a", "The Title of It", "O", LocalDate.of(2019, 5, 10), null, null);
    List<Sentence> sentences =
        List.of(
            sentence("It is what it is, and so on to the"),
            sentence("The a an."),
            sentence("— “…” —"),
            sentence("Of the tariffs, the US raised the rate to 25% on the"),
            sentence("And the talks ended in the"));
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      int from = Math.max(0, i - 1);
      int to = Math.min(sentences.size(), i + 2);
      passages.add(new Passage("a#0." + i, source, 0, sentences.subList(from, to), i - from));
    }
    assertEquals(5, assertSameIndex(List.of(passages)));
  }

  private static Sentence sentence(String text) {
    return new Sentence(text, 0, text.length(), List.of());
  }
}
