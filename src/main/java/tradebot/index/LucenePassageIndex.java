package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/** A {@link PassageIndex} over a Lucene directory, searched through a {@link SearcherManager}. */
final class LucenePassageIndex implements PassageIndex {
  /** How much a word in the anchor sentence counts against one only in its neighbours. */
  private static final float FOCUS_WEIGHT = 1.0f;

  private static final float CONTEXT_WEIGHT = 0.35f;
  private static final float TITLE_WEIGHT = 0.1f;

  /**
   * How many passages the cheap first stage keeps per passage asked for; the full query scores only
   * these. Among 10,000 look-alike generated articles, 10 lost dev-set answers the full query alone
   * finds; 30 keeps them.
   */
  private static final int RECALL_FACTOR = 30;

  /** Words shorter than this are not matched fuzzily: too many near neighbours. */
  private static final int MIN_FUZZY_LENGTH = 5;

  /** Stateless once configured; Lucene documents it as safe to share. */
  private static final DirectSpellChecker SPELLER = speller();

  /**
   * Callers decide how short a word may be corrected (four letters up here). Words longer than any
   * an article uses are no typo of one, and correcting them costs a Levenshtein automaton as long
   * as the word (a pasted 1,000-letter "word" took 100 ms): not tried.
   */
  private static DirectSpellChecker speller() {
    DirectSpellChecker speller = new DirectSpellChecker();
    speller.setMinQueryLength(4);
    speller.setMaxQueryLength(MAX_CORRECTED_LENGTH);
    return speller;
  }

  private static final int PAYLOAD_CACHE = 20_000;
  private static final int LOOKUP_CACHE = 20_000;

  /** The longest word spelling correction and near-spelling matches are tried on. */
  static final int MAX_CORRECTED_LENGTH = 40;

  private final Directory directory;
  private final SearcherManager searchers;
  private final Analyzer analyzer = Schema.analyzer();
  private final int passageCount;

  /**
   * Passages decoded from their payload, by doc id (stable: this index never changes). Decoding 30
   * hits' JSON costs as much as a search of the seeds.
   */
  private final BoundedCache<Integer, PayloadCodec.Payload> payloads =
      new BoundedCache<>(PAYLOAD_CACHE);

  /**
   * Whether an article names a concept: the same articles and concepts come back question after
   * question, and each check is a search.
   */
  private final BoundedCache<Mention, Boolean> mentions = new BoundedCache<>(LOOKUP_CACHE);

  /** Passage counts of the words questions use: a term dictionary lookup in every segment. */
  private final BoundedCache<String, Integer> frequencies = new BoundedCache<>(LOOKUP_CACHE);

  /** Spelling suggestions: building a word's edit-distance automaton costs about a millisecond. */
  private final BoundedCache<String, Optional<String>> suggestions =
      new BoundedCache<>(LOOKUP_CACHE);

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

  /**
   * Opens an index written earlier and checks every file's checksum, so that an index damaged on
   * disk is refused now rather than failing questions later.
   *
   * @throws IOException when a file is missing, truncated or does not match its checksum
   */
  static LucenePassageIndex verified(Directory directory) throws IOException {
    LucenePassageIndex index = new LucenePassageIndex(directory);
    try {
      IndexSearcher s = index.searchers.acquire();
      try {
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
          leaf.reader().checkIntegrity();
        }
      } finally {
        index.searchers.release(s);
      }
      return index;
    } catch (IOException | RuntimeException e) {
      index.searchers.close();
      throw e;
    }
  }

  @Override
  public List<Hit> search(SearchQuery query) {
    IndexSearcher searcher = acquire();
    try {
      // A typo's query is expanded to the words it matches once, not in every pass below; the
      // expansions are of this searcher's index and never outlive this call.
      Map<Query, Query> expanded = new HashMap<>();
      UnaryOperator<Query> typo = q -> expanded.computeIfAbsent(q, k -> rewrite(searcher, k));
      Query lucene = toLucene(query, FOCUS_WEIGHT, CONTEXT_WEIGHT, TITLE_WEIGHT, typo);
      if (lucene == null) {
        return List.of();
      }
      int wanted = query.k() * RECALL_FACTOR;
      ScoreDoc[] scored;
      if (searcher.getIndexReader().numDocs() <= wanted) {
        // An index no bigger than the places: the full query alone ranks every passage at once.
        scored = searcher.search(lucene, wanted).scoreDocs;
      } else {
        TopDocs recalled = recalled(searcher, recall(query, typo), query, wanted);
        scored =
            new FullScore(lucene).rescore(searcher, recalled, recalled.scoreDocs.length).scoreDocs;
      }
      List<ScoreDoc> chosen = new ArrayList<>(choose(searcher, scored, query));
      int lexical = chosen.size();
      if (query.vector().isPresent()) {
        chosen.addAll(nearest(searcher, query.vector().get(), query.k(), chosen));
      }
      int[] docs = chosen.stream().mapToInt(sd -> sd.doc).toArray();
      Map<Integer, Float> full = rescored(searcher, lucene, docs);
      Map<Integer, Float> focus = rescored(searcher, toLucene(query, 1f, 0f, 0f, typo), docs);
      Map<Integer, Float> context = rescored(searcher, toLucene(query, 0f, 1f, 0f, typo), docs);
      Map<Integer, Float> title = rescored(searcher, toLucene(query, 0f, 0f, 1f, typo), docs);
      Map<Integer, Float> similarity =
          query.vector().isPresent()
              ? cosines(searcher, query.vector().get(), docs, ANCHORS)
              : Map.of();
      Map<Integer, Float> windowSimilarity =
          query.vector().isPresent()
              ? cosines(searcher, query.vector().get(), docs, WINDOWS)
              : Map.of();
      List<Hit> hits = new ArrayList<>(chosen.size());
      for (int i = 0; i < chosen.size(); i++) {
        int doc = chosen.get(i).doc;
        PayloadCodec.Payload payload = payloads.get(doc, d -> payload(searcher, d));
        Hit.Parts parts =
            new Hit.Parts(
                focus.getOrDefault(doc, 0f),
                context.getOrDefault(doc, 0f),
                title.getOrDefault(doc, 0f),
                similarity.getOrDefault(doc, Float.NaN),
                windowSimilarity.getOrDefault(doc, Float.NaN),
                i < lexical);
        hits.add(new Hit(payload.passage(), full.getOrDefault(doc, 0f), payload.tokens(), parts));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    } finally {
      release(searcher);
    }
  }

  /**
   * The {@code k} passages whose anchor sentences lie nearest {@code vector}, leaving out those
   * already {@code chosen}; none when the index holds no vectors.
   */
  private static List<ScoreDoc> nearest(
      IndexSearcher searcher, float[] vector, int k, List<ScoreDoc> chosen) throws IOException {
    java.util.Set<Integer> have = new java.util.HashSet<>();
    chosen.forEach(sd -> have.add(sd.doc));
    List<ScoreDoc> out = new ArrayList<>();
    for (ScoreDoc sd :
        searcher.search(new KnnFloatVectorQuery(Schema.VECTOR, vector, k), k).scoreDocs) {
      if (have.add(sd.doc)) {
        out.add(sd);
      }
    }
    return out;
  }

  /**
   * {@code q} rewritten to the primitive queries it stands for (a typo's: the words it matches).
   */
  private static Query rewrite(IndexSearcher searcher, Query q) {
    try {
      return searcher.rewrite(q);
    } catch (IOException e) {
      throw new UncheckedIOException("rewriting the query " + q + " failed", e);
    }
  }

  /** The score {@code query} gives each of {@code docs} (absent: it does not match). */
  private static Map<Integer, Float> rescored(IndexSearcher searcher, Query query, int[] docs)
      throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    if (query == null || docs.length == 0) {
      return out;
    }
    ScoreDoc[] in = Arrays.stream(docs).mapToObj(d -> new ScoreDoc(d, 0f)).toArray(ScoreDoc[]::new);
    TopDocs top = new TopDocs(new TotalHits(in.length, TotalHits.Relation.EQUAL_TO), in);
    for (ScoreDoc sd : new FullScore(query).rescore(searcher, top, in.length).scoreDocs) {
      if (sd.score > 0) {
        out.put(sd.doc, sd.score);
      }
    }
    return out;
  }

  /** One leaf's vectors, asked for by the leaf's doc ids in increasing order. */
  private interface LeafVectors {
    /** The vector of {@code doc}, or null when it has none. */
    float[] at(int doc) throws IOException;
  }

  /** Opens a leaf's vectors of one field; null when the leaf has none. */
  private interface VectorField {
    LeafVectors open(org.apache.lucene.index.LeafReader reader) throws IOException;
  }

  /** The anchor sentences' vectors (the kNN field). */
  private static final VectorField ANCHORS =
      reader -> {
        FloatVectorValues values = reader.getFloatVectorValues(Schema.VECTOR);
        if (values == null) {
          return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        return doc -> {
          int at = it.docID() >= doc ? it.docID() : it.advance(doc);
          return at == doc ? values.vectorValue(it.index()) : null;
        };
      };

  /** The windows' vectors (floats in binary doc values). */
  private static final VectorField WINDOWS =
      reader -> {
        BinaryDocValues values = reader.getBinaryDocValues(Schema.WINDOW_VECTOR);
        if (values == null) {
          return null;
        }
        return doc -> {
          if (!values.advanceExact(doc)) {
            return null;
          }
          BytesRef b = values.binaryValue();
          java.nio.FloatBuffer floats =
              java.nio.ByteBuffer.wrap(b.bytes, b.offset, b.length).asFloatBuffer();
          float[] v = new float[floats.remaining()];
          floats.get(v);
          return v;
        };
      };

  /** The cosine of {@code vector} with each of {@code docs}' vectors in {@code field}. */
  private static Map<Integer, Float> cosines(
      IndexSearcher searcher, float[] vector, int[] docs, VectorField field) throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    LeafVectors vectors = null;
    for (int doc : sorted) {
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        vectors = field.open(leaf.reader());
      }
      float[] v = vectors == null ? null : vectors.at(doc - leaf.docBase);
      if (v != null) {
        float dot = 0;
        for (int i = 0; i < v.length && i < vector.length; i++) {
          dot += v[i] * vector[i];
        }
        out.put(doc, dot);
      }
    }
    return out;
  }

  /**
   * The {@code k} best of the scored passages, best first; when the question names a year (and a
   * month), the month's passages take the places first, then the rest of the year's, and the others
   * fill what is left.
   */
  private static List<ScoreDoc> choose(IndexSearcher searcher, ScoreDoc[] scored, SearchQuery query)
      throws IOException {
    int k = query.k();
    if (query.year().isEmpty()) {
      return List.of(scored).subList(0, Math.min(k, scored.length));
    }
    Map<Integer, Integer> tiers = tiers(searcher, scored, query);
    List<ScoreDoc> chosen = new ArrayList<>(k);
    for (int tier = 2; tier >= 0 && chosen.size() < k; tier--) {
      for (ScoreDoc sd : scored) {
        if (tiers.get(sd.doc) == tier && chosen.size() < k) {
          chosen.add(sd);
        }
      }
    }
    // Scores decide the order among the chosen: the re-ranker reads them relative to the first.
    chosen.sort(Comparator.comparing((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return chosen;
  }

  /**
   * For each of {@code scored}: 2 when published in the question's month, 1 in the rest of its
   * year, 0 otherwise. Doc values are read in doc order, leaf by leaf.
   */
  private static Map<Integer, Integer> tiers(
      IndexSearcher searcher, ScoreDoc[] scored, SearchQuery query) throws IOException {
    Year year = query.year().orElseThrow();
    Optional<YearMonth> month = query.month().map(year::atMonth);
    int[] docs = Arrays.stream(scored).mapToInt(sd -> sd.doc).sorted().toArray();
    Map<Integer, Integer> tiers = new HashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    NumericDocValues published = null;
    for (int doc : docs) {
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        published = leaf.reader().getNumericDocValues(Schema.PUBLISHED);
      }
      int tier = 0;
      if (published != null && published.advanceExact(doc - leaf.docBase)) {
        LocalDate day = LocalDate.ofEpochDay(published.longValue());
        if (day.getYear() == year.getValue()) {
          tier = month.filter(m -> YearMonth.from(day).equals(m)).isPresent() ? 2 : 1;
        }
      }
      tiers.put(doc, tier);
    }
    return tiers;
  }

  private static PayloadCodec.Payload payload(IndexSearcher searcher, int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      BinaryDocValues values = leaf.reader().getBinaryDocValues(Schema.PAYLOAD);
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("passage payload missing for document " + doc);
      }
      BytesRef bytes = values.binaryValue();
      return PayloadCodec.read(bytes.bytes, bytes.offset, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("reading passage " + doc + " failed", e);
    }
  }

  /**
   * The first, cheap stage of a search: one clause per concept on the anchor sentence, its one-word
   * alternatives merged into a single {@link SynonymQuery} (scored as one term, so block-max
   * pruning works even when every passage holds "China" or "tariff"), its typo matches beside it,
   * and its phrases only when no word stands for it. The full query then scores only the passages
   * this stage keeps.
   */
  private Query recall(SearchQuery query, UnaryOperator<Query> typo) {
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    for (TermGroup group : query.groups()) {
      SynonymQuery.Builder words = new SynonymQuery.Builder(Schema.FOCUS);
      int wordCount = 0;
      List<Query> others = new ArrayList<>();
      List<Query> phrases = new ArrayList<>();
      for (String alternative : group.alternatives()) {
        List<String> terms = terms(alternative);
        if (terms.size() == 1 && !fuzzy(group.fuzzy(), terms.getFirst())) {
          words.addTerm(new Term(Schema.FOCUS, terms.getFirst()));
          wordCount++;
        } else if (terms.size() == 1) {
          others.add(field(Schema.FOCUS, terms, true, 1f, typo));
        } else if (!terms.isEmpty()) {
          phrases.add(field(Schema.FOCUS, terms, false, 1f, typo));
        }
      }
      if (wordCount > 0) {
        others.add(words.build());
      }
      if (others.isEmpty()) {
        // Phrases only when the concept has no word to stand for it: "United States" beside "US"
        // and "America" adds little to recall and costs a positions check on every passage.
        others.addAll(phrases);
      }
      if (!others.isEmpty()) {
        Query concept =
            others.size() == 1 ? others.getFirst() : new DisjunctionMaxQuery(others, 0.1f);
        top.add(new BoostQuery(concept, group.boost()), BooleanClause.Occur.SHOULD);
      }
    }
    return top.build();
  }

  /**
   * What the first stage keeps: {@code wanted} passages ({@code k} x {@link #RECALL_FACTOR}), the
   * best-scoring of the named month first, then of the rest of its year, then of the whole index,
   * each searched only while the places are not filled. Passages are in index order, roughly by
   * date, so a period given as a filter is what lets a search skip the other years rather than scan
   * them first.
   */
  private static TopDocs recalled(
      IndexSearcher searcher, Query words, SearchQuery query, int wanted) throws IOException {
    List<Query> periods = new ArrayList<>();
    if (query.year().isPresent()) {
      Year year = query.year().get();
      query
          .month()
          .map(year::atMonth)
          .ifPresent(m -> periods.add(publishedBetween(m.atDay(1), m.atEndOfMonth())));
      periods.add(publishedBetween(year.atDay(1), year.atMonth(12).atEndOfMonth()));
    }
    periods.add(null);
    Map<Integer, ScoreDoc> found = new LinkedHashMap<>();
    for (Query period : periods) {
      if (found.size() >= wanted) {
        break;
      }
      Query q =
          period == null
              ? words
              : new BooleanQuery.Builder()
                  .add(words, BooleanClause.Occur.MUST)
                  .add(period, BooleanClause.Occur.FILTER)
                  .build();
      // Ask for as many more as are found already: a wider period finds the narrower one's again.
      for (ScoreDoc sd : searcher.search(q, wanted + found.size()).scoreDocs) {
        if (found.size() >= wanted) {
          break;
        }
        found.putIfAbsent(sd.doc, sd);
      }
    }
    return new TopDocs(
        new TotalHits(found.size(), TotalHits.Relation.EQUAL_TO),
        found.values().toArray(ScoreDoc[]::new));
  }

  private static Query publishedBetween(LocalDate first, LocalDate last) {
    return LongPoint.newRangeQuery(Schema.PUBLISHED, first.toEpochDay(), last.toEpochDay());
  }

  /** Scores the recalled passages by the full query alone, best first. */
  private static final class FullScore extends QueryRescorer {
    FullScore(Query full) {
      super(full);
    }

    @Override
    protected float combine(
        float firstPassScore, boolean secondPassMatches, float secondPassScore) {
      return secondPassMatches ? secondPassScore : 0f;
    }
  }

  private static boolean fuzzy(boolean wanted, String term) {
    return wanted && term.length() >= MIN_FUZZY_LENGTH && term.length() <= MAX_CORRECTED_LENGTH;
  }

  /** The full query, each field weighted as given (a field of weight 0 is left out). */
  private Query toLucene(
      SearchQuery query,
      float focusWeight,
      float contextWeight,
      float titleWeight,
      UnaryOperator<Query> typo) {
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int clauses = 0;
    for (TermGroup group : query.groups()) {
      List<Query> alternatives = new ArrayList<>();
      for (String alternative : group.alternatives()) {
        List<String> terms = terms(alternative);
        if (terms.isEmpty()) {
          continue;
        }
        if (focusWeight > 0) {
          alternatives.add(field(Schema.FOCUS, terms, group.fuzzy(), focusWeight, typo));
        }
        if (contextWeight > 0) {
          alternatives.add(field(Schema.CONTEXT, terms, group.fuzzy(), contextWeight, typo));
        }
        if (titleWeight > 0) {
          alternatives.add(field(Schema.TITLE, terms, false, titleWeight, typo));
        }
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

  /**
   * One alternative's query on one field, weighted: a term, a phrase, or (when {@code fuzzy}) a
   * typo's query, passed through {@code typo} (which may expand it to the words it matches).
   */
  private static Query field(
      String field, List<String> terms, boolean fuzzy, float weight, UnaryOperator<Query> typo) {
    Query q;
    if (terms.size() == 1) {
      String term = terms.getFirst();
      // A word longer than any an article uses is no typo of one, and its automaton is costly.
      q =
          fuzzy(fuzzy, term)
              ? typo.apply(new FuzzyQuery(new Term(field, term), term.length() >= 8 ? 2 : 1, 1))
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
    return Analysis.tokens(analyzer, text).stream().map(Token::term).toList();
  }

  @Override
  public int documentFrequency(String term) {
    return frequencies.get(term, this::countPassages);
  }

  private int countPassages(String term) {
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
    return mentions.get(
        new Mention(articleId, List.copyOf(alternatives), fuzzy),
        m -> searchArticle(m.articleId(), m.alternatives(), m.fuzzy()));
  }

  /** One {@link #articleMentions} question, as a cache key. */
  private record Mention(String articleId, List<String> alternatives, boolean fuzzy) {}

  private boolean searchArticle(String articleId, List<String> alternatives, boolean fuzzy) {
    List<Query> any = new ArrayList<>();
    for (String alternative : alternatives) {
      List<String> terms = terms(alternative);
      if (!terms.isEmpty()) {
        any.add(field(Schema.CONTEXT, terms, fuzzy, 1f, UnaryOperator.identity()));
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
          SPELLER.suggestSimilar(
              new Term(Schema.WORDS, w),
              1,
              searcher.getIndexReader(),
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
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
