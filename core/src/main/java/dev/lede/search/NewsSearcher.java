package dev.lede.search;

import dev.lede.LedeException;
import dev.lede.QuerySyntaxException;
import dev.lede.QueryTimeoutException;
import dev.lede.article.Article;
import dev.lede.index.Schema;
import java.io.IOException;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Runs {@link NewsQuery}s against an {@link IndexSearcher} over a Lede index. Stateless apart from
 * its configuration, so one instance serves every thread.
 */
public final class NewsSearcher {
  /** How many hits make a query "found little", below which a spelling suggestion is offered. */
  static final int SUGGEST_BELOW = 1;
  /** Queries longer than this get no spelling suggestion. */
  static final int SUGGEST_MAX_WORDS = 12;

  private final Schema schema;
  private final Ranking ranking;
  /** Replaced whole when the synonym list changes: a search uses one list from start to end. */
  private volatile QueryFactory queries;
  private volatile SynonymList synonyms = SynonymList.EMPTY;
  private final Duration timeout; // null: unbounded
  /** The query embedder and fusion of an index with semantic search on; null when it is off (then nothing of it is touched). */
  private volatile Vectors vectors;

  /** What semantic search needs: the model (loaded at the first query that needs it) and the fusion. */
  public record Vectors(java.util.function.Supplier<dev.lede.vector.Embedder> embedder, Fusion fusion) {}
  private final LanguageQueries languages;
  /** Story and facet ordinals across the segments of each open reader (issue 19). */
  private final GlobalOrdinals.Cache ordinals = new GlobalOrdinals.Cache();

  public NewsSearcher(Schema schema, Ranking ranking) {
    this(schema, ranking, null);
  }

  /**
   * @param timeout how long one search may run before it stops with a {@link QueryTimeoutException};
   *     null for no limit
   */
  public NewsSearcher(Schema schema, Ranking ranking, Duration timeout) {
    this.schema = schema;
    this.ranking = ranking;
    this.queries = new QueryFactory(schema, ranking);
    this.timeout = timeout;
    this.languages = new LanguageQueries(schema, ranking);
  }

  public Ranking ranking() {
    return ranking;
  }

  /** The synonyms applied to the text of queries. */
  public SynonymList synonyms() {
    return synonyms;
  }

  /** Applies this synonym list to searches started from now on. */
  public void setSynonyms(SynonymList list) {
    java.util.Objects.requireNonNull(list, "list");
    if (!list.equals(synonyms)) {
      queries = new QueryFactory(schema, ranking, list);
      synonyms = list;
    }
  }

  /** Turns semantic and hybrid search on (null: off). */
  public void setVectors(Vectors vectors) {
    this.vectors = vectors;
  }

  /** The mode a query runs in: its own, else hybrid where there are vectors and lexical elsewhere. */
  public SearchMode modeOf(NewsQuery q) {
    return q.mode() != null ? q.mode() : vectors != null ? SearchMode.HYBRID : SearchMode.LEXICAL;
  }

  /** Runs a query. */
  public SearchResult search(IndexSearcher searcher, NewsQuery q) {
    QueryFactory factory = queries;
    Query text = languages.text(factory, q, searcher.getIndexReader());
    SearchMode mode = modeOf(q);
    if (mode == SearchMode.LEXICAL || q.text().isBlank()) {
      // Highlights show the words asked for, not the feedback's.
      return run(searcher, q, factory.scoring(searcher, q, text), null, text);
    }
    Vectors v = vectors;
    if (v == null) {
      throw new dev.lede.BadInputException("--mode " + mode.name().toLowerCase(java.util.Locale.ROOT)
          + " needs vectors, and this index has semantic search off: run `lede semantic enable` first");
    }
    float[] vector = v.embedder().get().embedQuery(q.text());
    if (vector == null) {
      return run(searcher, q, factory.scoring(searcher, q, text), null, text);
    }
    try {
      Query scoring = VectorSearch.scoring(searcher, mode, text, factory.filters(q), vector, v.fusion());
      return run(searcher, q, scoring, null, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Articles like the one with this id: more-like-this over its headline, lead, body and entities,
   * the article and the other copies of its story excluded.
   */
  public SearchResult similar(IndexSearcher searcher, String id, NewsQuery constraints) {
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        throw new LedeException("no article with id '" + id + "'");
      }
      int doc = top.scoreDocs[0].doc;
      Document stored = searcher.storedFields().document(doc, Set.of(Schema.ORIGINAL, Schema.STORY));
      Article article = schema.toArticle(stored);
      MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
      mlt.setAnalyzer(schema.queryAnalyzer());
      // The article's words are chosen by their frequency in the body, and each is then looked for
      // in the headline, lead and body as one field (BM25F, as a word query): a word the seed has
      // in its lead and a neighbour has in its body is a shared word (issue 15: with a query per
      // field, the demo's rail strike found two of its four neighbours and then unrelated stories).
      mlt.setFieldNames(new String[] {Schema.BODY, Schema.ENTITY_TEXT});
      mlt.setMaxDocFreqPct(50);
      mlt.setMaxQueryTerms(30);
      Map<String, Collection<Object>> fields = new HashMap<>();
      // the headline twice: it says most (and its words are always said twice)
      fields.put(Schema.BODY, List.of(article.headline(), article.headline(), article.lead(), article.body()));
      List<Object> names = new ArrayList<>();
      article.entities().forEach(e -> names.add(e.name()));
      fields.put(Schema.ENTITY_TEXT, names);
      // A long article: the words it says twice or more that five articles share, each counting
      // the same (more-like-this's own defaults), tell its subject best (docs/evaluation.md).
      mlt.setMinTermFreq(2);
      mlt.setMinDocFreq(5);
      mlt.setBoost(false);
      Query chosen = mlt.like(fields);
      if (!(chosen instanceof BooleanQuery cq) || cq.clauses().size() < SIMILAR_MIN_TERMS) {
        // A short article, or a small index: every word counts, the rarer ones more.
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setBoost(true);
        chosen = mlt.like(fields);
      }
      Query like = sharingEnoughTerms(wholeArticle(chosen));
      Vectors v = vectors;
      dev.lede.vector.ArticleVectors seed = v == null ? null : dev.lede.index.IndexedVectors.read(searcher.getIndexReader(), doc);
      if (seed != null && seed.mean() != null) {
        // Nearest by meaning where the seed has vectors (issue 20: 0.93 of BBC neighbours in the
        // seed's category against 0.89 for more-like-this), within the constraints' filters.
        BooleanQuery.Builder f = new BooleanQuery.Builder().add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        Query filters = queries.filters(constraints);
        if (filters != null) {
          f.add(filters, BooleanClause.Occur.FILTER);
        }
        f.add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT);
        String seedStory = stored.get(Schema.STORY);
        if (seedStory != null) {
          f.add(new TermQuery(new Term(Schema.STORY, seedStory)), BooleanClause.Occur.MUST_NOT);
        }
        Query nearest = VectorSearch.nearest(searcher, seed.mean(), v.fusion().k(), f.build());
        SearchResult r = run(searcher, constraints, nearest, null, like);
        if (r.total() > 0) {
          return r;
        } // no other article has vectors yet: more-like-this
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, BooleanClause.Occur.SHOULD).setMinimumNumberShouldMatch(1);
      b.add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT);
      String story = stored.get(Schema.STORY);
      if (story != null) {
        b.add(new TermQuery(new Term(Schema.STORY, story)), BooleanClause.Occur.MUST_NOT);
      }
      Query q = closeToTheBest(searcher, b.build());
      NewsQuery shaped = constraints.toBuilder().sort(constraints.sort()).build();
      return run(searcher, shaped, q, null, like);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A related article scores at least this share of the best one's score. On a small index the
   * few true neighbours score far above an article that shares a word or two with the seed ("week",
   * "Monday"); on a large one the first ten neighbours all score close to the best.
   */
  static final float SIMILAR_MIN_SCORE = 0.2f;

  /** The related articles that score at least {@link #SIMILAR_MIN_SCORE} of the best one's score. */
  private static Query closeToTheBest(IndexSearcher searcher, Query q) throws IOException {
    TopDocs best = searcher.search(q, 1);
    if (best.scoreDocs.length == 0) {
      return q;
    }
    float min = best.scoreDocs[0].score * SIMILAR_MIN_SCORE;
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.queries.function.FunctionRangeQuery(
            new org.apache.lucene.queries.function.valuesource.QueryValueSource(q, 0f), min, null, true, true), BooleanClause.Occur.FILTER)
        .build();
  }

  /** More-like-this's body terms, each scored over the headline, lead and body as one field. */
  static Query wholeArticle(Query like) {
    if (!(like instanceof BooleanQuery bq)) {
      return like;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (BooleanClause c : bq.clauses()) {
      Query q = c.query();
      float boost = 1f;
      if (q instanceof BoostQuery bo) {
        boost = bo.getBoost();
        q = bo.getQuery();
      }
      if (q instanceof TermQuery tq && tq.getTerm().field().equals(Schema.BODY)) {
        Query article = QueryFactory.article(tq.getTerm().text());
        q = boost == 1f ? article : new BoostQuery(article, boost);
      } else {
        q = c.query();
      }
      b.add(q, c.occur());
    }
    return b.build();
  }

  /**
   * The share of the article's chosen terms a related article must also have. Elasticsearch's
   * more_like_this asks 30 % by default; 20 % left many BBC articles fewer than ten neighbours, all
   * in their category (docs/evaluation.md). At 10 %, an article sharing one or two words comes in on
   * a small index: the score cut ({@link #SIMILAR_MIN_SCORE}) keeps it out there.
   */
  static final float SIMILAR_MIN_SHARED = 0.1f;

  /** Fewer chosen words than this with the long-article settings: the article is short, or the index small. */
  static final int SIMILAR_MIN_TERMS = 10;

  /**
   * More-like-this asks for any of the article's most telling terms, so on a small index an
   * article that shares one or two of them ("week", "ends") is listed after the true neighbours:
   * the demo's rail strike had a flu story and an astronaut story among its related articles
   * (issue 15). A related article must share a part of the terms.
   */
  static Query sharingEnoughTerms(Query like) {
    if (!(like instanceof BooleanQuery bq) || bq.clauses().size() < 2) {
      return like;
    }
    int min = Math.max(1, (int) Math.ceil(SIMILAR_MIN_SHARED * bq.clauses().size()));
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(min);
    for (BooleanClause c : bq.clauses()) {
      b.add(c);
    }
    return b.build();
  }

  /**
   * A searcher of its own for one query, so that its time limit does not touch the searches of
   * other threads sharing {@code shared}; readers, similarity and query cache are shared.
   */
  private IndexSearcher bounded(IndexSearcher shared) {
    if (timeout == null) {
      return shared;
    }
    IndexSearcher s = new IndexSearcher(shared.getIndexReader());
    s.setSimilarity(shared.getSimilarity());
    s.setQueryCache(shared.getQueryCache());
    s.setQueryCachingPolicy(shared.getQueryCachingPolicy());
    s.setTimeout(new QueryTimeoutImpl(timeout.toMillis()));
    return s;
  }

  /** Lucene stops a timed-out search quietly with partial results; those are not an answer. */
  private void checkTime(IndexSearcher searcher, NewsQuery q) {
    if (searcher.timedOut()) {
      throw new QueryTimeoutException(q.text(), timeout);
    }
  }

  private SearchResult run(IndexSearcher shared, NewsQuery q, Query scoring, Query extraFilter, Query forHighlight) {
    IndexSearcher searcher = bounded(shared);
    try {
      Query filters = queries.filters(q);
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(scoring, BooleanClause.Occur.MUST);
      if (filters != null) {
        b.add(filters, BooleanClause.Occur.FILTER);
      }
      if (extraFilter != null) {
        b.add(extraFilter, BooleanClause.Occur.FILTER);
      }
      Query query = b.build();
      if (q.sort() == SortOrder.RELEVANCE && q.recency().enabled()) {
        long asOf = (q.recency().asOf() == null ? Instant.now() : q.recency().asOf()).toEpochMilli();
        query = FunctionScoreQuery.boostByValue(query, new RecencyBoost(q.recency().weight(), q.recency().pivot().toMillis(), asOf));
      }
      Sort sort = sort(q.sort());
      Cursor.Position position = q.cursor() == null ? null : Cursor.decode(q.cursor(), q.sort());
      FieldDoc after = position == null ? null : position.after();
      long offset = position == null ? 0 : position.offset();

      // One pass over the matches counts them (stories, facets) and gathers the first hits in sort
      // order: one query, where a count and then a page made two (issue 17). One hit more than asked
      // says whether there is a next page; a collapsed page asks more, as stories may repeat.
      int wanted = q.limit() + 1;
      int batch = q.collapse() ? collapseBatch(wanted) : wanted;
      Object[] both = searcher.search(query, new MultiCollectorManager(
          MatchStats.manager(searcher.getIndexReader(), ordinals, q.facets(), q.collapse()),
          new TopFieldCollectorManager(sort, batch, after, batch)));
      checkTime(searcher, q);
      MatchStats stats = (MatchStats) both[0];
      TopFieldDocs firstBatch = (TopFieldDocs) both[1];
      long total = q.collapse() ? stats.storyCount() : stats.matches;

      List<ScoreDoc> found = q.collapse()
          ? collapsedPage(searcher, query, sort, after, wanted, firstBatch)
          : List.of(firstBatch.scoreDocs);
      checkTime(searcher, q);
      List<ScoreDoc> page = found.size() > q.limit() ? found.subList(0, q.limit()) : found;

      Highlighter highlighter = q.highlight() ? new Highlighter(schema, forHighlight) : null;
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(page.size());
      Map<String, List<ScoreDoc>> members = q.collapse() ? membersOf(searcher, query, page) : Map.of();
      checkTime(searcher, q);
      for (ScoreDoc sd : page) {
        hits.add(hit(searcher, stored, query, q, (FieldDoc) sd, highlighter, members));
      }
      String next = null;
      if (found.size() > q.limit()) {
        FieldDoc last = (FieldDoc) page.get(page.size() - 1);
        String lastId = ((BytesRef) last.fields[last.fields.length - 1]).utf8ToString();
        long published = (Long) last.fields[last.fields.length - 2];
        next = Cursor.encode(q.sort(), q.sort() == SortOrder.RELEVANCE ? (Float) last.fields[0] : Float.NaN, published, lastId,
            offset + page.size());
      }
      Map<Facet, List<FacetCount>> facets = new HashMap<>();
      for (Facet f : q.facets()) {
        facets.put(f, stats.top(f, q.facetLimit()));
      }
      String didYouMean = total < SUGGEST_BELOW && q.syntax() == Syntax.SIMPLE ? suggest(schema, searcher.getIndexReader(), q.text()) : null;
      return new SearchResult(q.text(), total, hits, facets, next, didYouMean, stats.matches, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(q.text(), q.text().length(),
          "query expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses: use longer prefixes or fewer words", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(q.text(), q.text().length(),
          "query has a wildcard or regular expression too complex to run: simplify it", e);
    }
  }

  /** The Lucene sort of an order: ties broken by newer first, then id. */
  public static Sort sortFor(SortOrder order) {
    return sort(order);
  }

  static Sort sort(SortOrder order) {
    SortField id = new SortField(Schema.ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE,
          LongField.newSortField(Schema.PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE), id);
      case NEWEST -> new Sort(LongField.newSortField(Schema.PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE), id);
      case OLDEST -> new Sort(LongField.newSortField(Schema.PUBLISHED, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE), id);
    };
  }

  /** How many hits a collapsed page reads at a time: enough for its stories when a few repeat. */
  private static int collapseBatch(int limit) {
    return Math.max(limit * 2, 20);
  }

  /**
   * A page of stories: hits in sort order, each story represented by its first (best) member. A
   * hit whose story has a better member is skipped — on this page because the member is already
   * here, or because that member stood on an earlier page.
   *
   * <p>From the first page, hits arrive in the order of the whole result, so the first member seen
   * of a story is its best and needs no check. Only after a cursor can a better member lie behind
   * us; then one query per story that has other members says so. The story ids of a batch are read
   * with one doc-values iterator per segment, in doc order.
   */
  private List<ScoreDoc> collapsedPage(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int limit,
      TopFieldDocs firstBatch) throws IOException {
    List<ScoreDoc> page = new ArrayList<>(limit);
    Set<String> seen = new HashSet<>();
    FieldDoc cursor = after;
    int batch = collapseBatch(limit);
    TopFieldDocs top = firstBatch; // the counting pass gathered the first batch
    while (page.size() < limit) {
      if (top == null) {
        top = searcher.search(query, new TopFieldCollectorManager(sort, batch, cursor, 1));
      }
      if (top.scoreDocs.length == 0) {
        break;
      }
      String[] stories = storiesOf(searcher.getIndexReader(), top.scoreDocs);
      for (int i = 0; i < top.scoreDocs.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        if (seen.add(stories[i]) && (after == null || isBestOfStory(searcher, query, sort, stories[i], sd.doc))) {
          page.add(sd);
          if (page.size() == limit) {
            break;
          }
        }
      }
      if (top.scoreDocs.length < batch) {
        break;
      }
      cursor = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
      top = null;
    }
    return page;
  }

  /** The story id of each hit (a stand-in unique to the doc when it has none), in the hits' order. */
  private static String[] storiesOf(IndexReader reader, ScoreDoc[] hits) throws IOException {
    String[] out = new String[hits.length];
    List<LeafReaderContext> leaves = reader.leaves();
    Integer[] byDoc = inDocOrder(hits);
    LeafReaderContext leaf = null;
    SortedDocValues dv = null;
    for (int i : byDoc) {
      int doc = hits[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        dv = leaf.reader().getSortedDocValues(Schema.STORY);
      }
      out[i] = dv != null && dv.advanceExact(doc - leaf.docBase) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : "\u0000doc" + doc;
    }
    return out;
  }

  /** The sources of these docs (null for a doc without one), in the docs' order, read from doc values. */
  private static String[] sourcesOf(IndexReader reader, ScoreDoc[] docs) throws IOException {
    String[] out = new String[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    SortedSetDocValues dv = null;
    for (int i : inDocOrder(docs)) {
      int doc = docs[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        dv = leaf.reader().getSortedSetDocValues(Schema.SOURCE);
      }
      if (dv != null && dv.advanceExact(doc - leaf.docBase)) {
        out[i] = dv.lookupOrd(dv.nextOrd()).utf8ToString(); // one source per article
      }
    }
    return out;
  }

  /** Indexes into {@code docs} by ascending doc id: doc-values iterators only move forward. */
  private static Integer[] inDocOrder(ScoreDoc[] docs) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i].doc));
    return order;
  }

  private static boolean isBestOfStory(IndexSearcher searcher, Query query, Sort sort, String story, int doc) throws IOException {
    if (searcher.getIndexReader().docFreq(new Term(Schema.STORY, story)) <= 1) {
      return true; // stands alone: the common case needs no second query
    }
    TopFieldDocs best = searcher.search(inStory(query, story), new TopFieldCollectorManager(sort, 1, null, 1));
    return best.scoreDocs.length == 0 || best.scoreDocs[0].doc == doc;
  }

  private static Query inStory(Query query, String story) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Schema.STORY, story)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** At most this many other members of a story are read for its "also reported by" sources. */
  private static final int MEMBERS_READ = 100;

  /**
   * The matching members of the page's stories that have more than one article, by story, each list
   * in the order of a relevance search (score, then doc id): one query for the page, where there
   * was one per hit.
   */
  private static Map<String, List<ScoreDoc>> membersOf(IndexSearcher searcher, Query query, List<ScoreDoc> page) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<BytesRef> shared = new ArrayList<>();
    long bound = 0;
    for (String story : storiesOf(reader, page.toArray(ScoreDoc[]::new))) {
      int df = reader.docFreq(new Term(Schema.STORY, story));
      if (df > 1) { // a story of one article (the common case) needs nothing more
        shared.add(new BytesRef(story));
        bound += df;
      }
    }
    if (shared.isEmpty()) {
      return Map.of();
    }
    Query inStories = new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermInSetQuery(Schema.STORY, shared), BooleanClause.Occur.FILTER)
        .build();
    // Every member is collected, so that each story's count is exact; the bound is the stories' sizes.
    TopDocs all = searcher.search(inStories, new TopScoreDocCollectorManager((int) Math.min(bound, Integer.MAX_VALUE - 8), Integer.MAX_VALUE));
    String[] stories = storiesOf(reader, all.scoreDocs);
    Map<String, List<ScoreDoc>> out = new HashMap<>();
    for (int i = 0; i < stories.length; i++) {
      out.computeIfAbsent(stories[i], k -> new ArrayList<>()).add(all.scoreDocs[i]);
    }
    return out;
  }

  private Hit hit(IndexSearcher searcher, StoredFields stored, Query query, NewsQuery q, FieldDoc sd, Highlighter highlighter,
      Map<String, List<ScoreDoc>> members) throws IOException {
    Document d = stored.document(sd.doc, Set.of(Schema.ORIGINAL, Schema.STORY, Schema.BOILERPLATE));
    Article a = schema.toArticle(d);
    String story = d.get(Schema.STORY);
    List<String> alsoBy = List.of();
    int collapsed = 0;
    List<ScoreDoc> storyMembers = story == null ? null : members.get(story);
    if (storyMembers != null) {
      List<ScoreDoc> others = new ArrayList<>(Math.min(storyMembers.size(), MEMBERS_READ));
      for (ScoreDoc m : storyMembers) {
        if (m.doc != sd.doc) {
          collapsed++;
          if (others.size() < MEMBERS_READ) {
            others.add(m);
          }
        }
      }
      // The source's doc values rather than each member's stored article: decoding up to a hundred
      // compressed JSON originals per hit to read one field was most of the cost of collapsing.
      Set<String> sources = new LinkedHashSet<>();
      for (String source : sourcesOf(searcher.getIndexReader(), others.toArray(ScoreDoc[]::new))) {
        if (source != null) {
          sources.add(source);
        }
      }
      alsoBy = List.copyOf(sources);
    }
    float score = q.sort() == SortOrder.RELEVANCE ? (Float) sd.fields[0] : Float.NaN;
    String explanation = q.explain() ? ranking + "\n" + searcher.explain(query, sd.doc) : null;
    Highlight headline = highlighter == null ? Highlight.plain(a.headline()) : highlighter.headline(a.headline(), a.language());
    Highlight snippet = highlighter == null ? leadStart(a) : highlighter.snippet(schema.shownText(a, d), a.language());
    return new Hit(a.id(), score, a.headline(), a.source(), a.published(), a.url(), a.entities(), headline, snippet,
        explanation, story, alsoBy, collapsed, a.lead(), a.authors());
  }

  private static Highlight leadStart(Article a) {
    String text = a.text();
    return Highlight.plain(text.length() <= Highlighter.SNIPPET_CHARS ? text : text.substring(0, Highlighter.SNIPPET_CHARS));
  }

  /** A corrected query when some of its words are not in the index but a close word is, else null. */
  private static String suggest(Schema schema, IndexReader reader, String text) throws IOException {
    if (text.isBlank()) {
      return null;
    }
    String[] words = text.strip().split("\\s+");
    if (words.length > SUGGEST_MAX_WORDS) {
      return null; // a pasted paragraph is not misspelt; checking each word would cost more than the search
    }
    DirectSpellChecker spell = new DirectSpellChecker();
    // Words as written are marked (=word): the mark and the first letter are kept, and a word of
    // three letters is not corrected, as before the mark.
    spell.setMinPrefix(2);
    spell.setMinQueryLength(5);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    for (String word : words) {
      String plain = word.toLowerCase(java.util.Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      String replacement = word;
      List<String> written = plain.length() >= 3 && !word.contains(":")
          ? dev.lede.index.Tokens.tokens(schema.asWrittenAnalyzer(), Schema.BODY, plain) : List.of();
      if (written.size() == 1 && !known(reader, written.get(0))) {
        for (String field : List.of(Schema.BODY, Schema.HEADLINE)) {
          SuggestWord[] s = spell.suggestSimilar(new Term(field, written.get(0)), 1, reader);
          if (s.length > 0 && dev.lede.index.AsWrittenFilter.isMarked(s[0].string)) {
            replacement = s[0].string.substring(1);
            changed = true;
            break;
          }
        }
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(replacement);
    }
    return changed ? out.toString() : null;
  }

  /** Whether a word as written (marked) is in any of the article's fields. */
  private static boolean known(IndexReader reader, String written) throws IOException {
    for (String field : Schema.ARTICLE_FIELDS) {
      if (reader.docFreq(new Term(field, written)) > 0) {
        return true;
      }
    }
    return false;
  }

}
