package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import tradebot.knowledge.Passage;

/** A {@link PassageIndex} over a Lucene directory, searched through a {@link SearcherManager}. */
final class LucenePassageIndex implements PassageIndex {
  /** How much a word in the anchor sentence counts against one only in its neighbours. */
  private static final float FOCUS_WEIGHT = 1.0f;

  private static final float CONTEXT_WEIGHT = 0.35f;
  private static final float TITLE_WEIGHT = 0.1f;

  /** Words shorter than this are not matched fuzzily: too many near neighbours. */
  private static final int MIN_FUZZY_LENGTH = 5;

  /** Stateless once configured; Lucene documents it as safe to share. */
  private static final DirectSpellChecker SPELLER = new DirectSpellChecker();

  /**
   * Passages decoded from their payload, by doc id (stable: this index never changes). Decoding
   * the JSON of 30 hits costs as much as a search on a small index.
   */
  private static final int PASSAGE_CACHE = 20_000;

  /** Analyzed texts: re-ranking analyzes the same candidate sentences question after question. */
  private static final int TERMS_CACHE = 50_000;

  private final Directory directory;
  private final SearcherManager searchers;
  private final Analyzer analyzer = Schema.analyzer();
  private final int passageCount;
  private final BoundedCache<Integer, Passage> passages = new BoundedCache<>(PASSAGE_CACHE);
  private final BoundedCache<String, List<String>> analyzed = new BoundedCache<>(TERMS_CACHE);

  /** Spelling suggestions: building the edit-distance automaton costs about a millisecond. */
  private final BoundedCache<String, Optional<String>> suggestions = new BoundedCache<>(TERMS_CACHE);

  LucenePassageIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.searchers =
        new SearcherManager(
            directory,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(
                  org.apache.lucene.index.IndexReader reader,
                  org.apache.lucene.index.IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(Schema.SIMILARITY);
                return searcher;
              }
            });
    IndexSearcher s = searchers.acquire();
    try {
      passageCount = s.getIndexReader().numDocs();
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public List<Hit> search(SearchQuery query) {
    Query lucene = toLucene(query);
    if (lucene == null) {
      return List.of();
    }
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(lucene, query.k());
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        hits.add(new Hit(passages.get(sd.doc, doc -> decode(stored, doc)), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    } finally {
      release(searcher);
    }
  }

  private static Passage decode(StoredFields stored, int doc) {
    try {
      return PayloadCodec.read(stored.document(doc).get(Schema.PAYLOAD));
    } catch (IOException e) {
      throw new UncheckedIOException("reading passage " + doc + " failed", e);
    }
  }

  private Query toLucene(SearchQuery query) {
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int clauses = 0;
    for (TermGroup group : query.groups()) {
      List<Query> alternatives = new ArrayList<>();
      for (String alternative : group.alternatives()) {
        List<String> terms = terms(alternative);
        if (terms.isEmpty()) {
          continue;
        }
        alternatives.add(field(Schema.FOCUS, terms, group.fuzzy(), FOCUS_WEIGHT));
        alternatives.add(field(Schema.CONTEXT, terms, group.fuzzy(), CONTEXT_WEIGHT));
        alternatives.add(field(Schema.TITLE, terms, false, TITLE_WEIGHT));
      }
      if (alternatives.isEmpty()) {
        continue;
      }
      // Alternatives of one concept do not add up: "duty" and "tariff" in one sentence is one hit.
      Query concept = new DisjunctionMaxQuery(alternatives, 0.1f);
      top.add(new BoostQuery(concept, group.boost()), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : top.build();
  }

  private static Query field(String field, List<String> terms, boolean fuzzy, float weight) {
    Query q;
    if (terms.size() == 1) {
      String term = terms.getFirst();
      q =
          fuzzy && term.length() >= MIN_FUZZY_LENGTH
              ? new FuzzyQuery(new Term(field, term), term.length() >= 8 ? 2 : 1, 1)
              : new TermQuery(new Term(field, term));
    } else {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
      for (String term : terms) {
        phrase.add(new Term(field, term));
      }
      q = phrase.build();
    }
    return new BoostQuery(q, weight);
  }

  @Override
  public List<String> terms(String text) {
    return analyzed.get(text, this::analyze);
  }

  private List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.FOCUS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
    return List.copyOf(out);
  }

  @Override
  public int documentFrequency(String term) {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().docFreq(new Term(Schema.CONTEXT, term));
    } catch (IOException e) {
      throw new UncheckedIOException("docFreq failed", e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public boolean articleMentions(String articleId, List<String> alternatives, boolean fuzzy) {
    List<Query> any = new ArrayList<>();
    for (String alternative : alternatives) {
      List<String> terms = terms(alternative);
      if (!terms.isEmpty()) {
        any.add(field(Schema.CONTEXT, terms, fuzzy, 1f));
      }
    }
    if (any.isEmpty()) {
      return false;
    }
    BooleanQuery.Builder alternativesQuery = new BooleanQuery.Builder();
    any.forEach(q -> alternativesQuery.add(q, BooleanClause.Occur.SHOULD));
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ARTICLE, articleId)), BooleanClause.Occur.FILTER)
            .add(alternativesQuery.build(), BooleanClause.Occur.MUST)
            .build();
    IndexSearcher searcher = acquire();
    try {
      return searcher.search(q, 1).totalHits.value() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public Optional<String> suggest(String word) {
    return suggestions.get(word.toLowerCase(Locale.ROOT), this::spell);
  }

  private Optional<String> spell(String w) {
    IndexSearcher searcher = acquire();
    try {
      SuggestWord[] words =
          SPELLER.suggestSimilar(new Term(Schema.WORDS, w), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return words.length == 0 ? Optional.empty() : Optional.of(words[0].string);
    } catch (IOException e) {
      throw new UncheckedIOException("spelling suggestion failed", e);
    } finally {
      release(searcher);
    }
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("index is closed or unreadable", e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int passageCount() {
    return passageCount;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }
}
