package dev.lede.bench.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.bench.index.QueryMix.BenchQuery;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import dev.lede.search.Ranking;
import dev.lede.search.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The raw-Lucene equivalent of Lede's search for a {@link BenchQuery}, written by hand as a Lucene
 * application would: the words analysed with the schema's analyzers, the same clauses and boosts
 * Lede's default ranking makes (a word in the catch-all text at 1 plus the headline at 0.5, the
 * words as a headline phrase with slop 2; a quoted phrase as a dis-max of the exact text, the
 * exact headline at 1.5 and the entity names), the same sort with the same tie-breaks, an exact
 * total, facet counts from sorted-set doc values, and each hit's stored JSON parsed.
 *
 * <p>What it leaves out is what Lede adds on top: story collapse, highlighting, spelling
 * suggestions, cursors as strings. One pass collects the page, the total and the facets together.
 */
final class BaselineSearch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema = Schema.defaults();
  private final Ranking ranking = Ranking.defaults();

  /** What a search found: enough to check it against Lede's. */
  record Result(long total, List<String> ids, Map<String, Map<String, Long>> facets, FieldDoc last) {}

  Result search(IndexSearcher searcher, BenchQuery q, FieldDoc after) throws IOException {
    Query query = query(q);
    int limit = BenchQuery.PAGE_SIZE + 1; // one more says whether there is a next page, as Lede asks
    TopFieldCollectorManager top = new TopFieldCollectorManager(sort(q.sort()), limit, after, Integer.MAX_VALUE);
    List<String> facetFields = q.facets() ? List.of(Schema.SOURCE, Schema.MONTH) : List.of();
    TopFieldDocs docs;
    Map<String, Map<String, Long>> facets = Map.of();
    if (facetFields.isEmpty()) {
      docs = searcher.search(query, top);
    } else {
      Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetManager(facetFields)));
      docs = (TopFieldDocs) both[0];
      facets = ((FacetCounter) both[1]).counts;
    }
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>();
    ScoreDoc[] hits = docs.scoreDocs;
    int n = Math.min(hits.length, BenchQuery.PAGE_SIZE);
    for (int i = 0; i < n; i++) {
      Document d = stored.document(hits[i].doc, Set.of(Schema.ORIGINAL));
      JsonNode article = JSON.readTree(d.getBinaryValue(Schema.ORIGINAL).bytes, d.getBinaryValue(Schema.ORIGINAL).offset,
          d.getBinaryValue(Schema.ORIGINAL).length);
      ids.add(article.get("id").asText());
    }
    FieldDoc last = n == 0 ? null : (FieldDoc) hits[n - 1];
    return new Result(docs.totalHits.value(), ids, facets, last);
  }

  Query query(BenchQuery q) {
    Query scoring;
    if (q.words().isEmpty()) {
      scoring = MatchAllDocsQuery.INSTANCE;
    } else if (q.phrase()) {
      scoring = phrase(String.join(" ", q.words()));
    } else {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String w : q.words()) {
        String token = tokens(Schema.BODY, w).get(0);
        b.add(new BooleanQuery.Builder()
            .add(new CombinedFieldQuery.Builder(token).addField(Schema.HEADLINE).addField(Schema.LEAD).addField(Schema.BODY).build(), Occur.SHOULD)
            .add(new BoostQuery(new TermQuery(new Term(Schema.HEADLINE, token)), ranking.headline()), Occur.SHOULD)
            .build(), Occur.SHOULD);
      }
      List<String> exact = written(String.join(" ", q.words()));
      if (exact.size() >= 2) {
        b.add(phraseOf(Schema.HEADLINE, exact, 2), Occur.SHOULD);
      }
      scoring = b.build();
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(scoring, Occur.MUST);
    if (q.source() != null) {
      all.add(new TermQuery(new Term(Schema.SOURCE, q.source())), Occur.FILTER);
    }
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli() - 1;
      all.add(LongField.newRangeQuery(Schema.PUBLISHED, from, to), Occur.FILTER);
    }
    return all.build();
  }

  private Query phrase(String text) {
    List<String> exact = written(text);
    List<String> stemmed = tokens(Schema.ENTITY_TEXT, text);
    Query entities = stemmed.isEmpty() ? new MatchNoDocsQuery("no words in phrase") : phraseOf(Schema.ENTITY_TEXT, stemmed, 0);
    return new DisjunctionMaxQuery(List.of(
        phraseOf(Schema.LEAD, exact, 0),
        phraseOf(Schema.BODY, exact, 0),
        new BoostQuery(phraseOf(Schema.HEADLINE, exact, 0), ranking.body() + ranking.headline()),
        entities), ranking.tieBreaker());
  }

  private static Query phraseOf(String field, List<String> tokens, int slop) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
    tokens.forEach(t -> b.add(new Term(field, t)));
    return b.build();
  }

  private List<String> tokens(String field, String text) {
    Analyzer analyzer = schema.queryAnalyzer();
    return Tokens.tokens(analyzer, field, text);
  }

  /** The words as written, marked as the index holds them (the bench's phrases have no stop words). */
  private List<String> written(String text) {
    return Tokens.tokens(schema.asWrittenAnalyzer(), Schema.BODY, text);
  }

  /** Score, then newest, then id: a stable order, the one Lede uses. */
  static Sort sort(SortOrder order) {
    SortField newest = LongField.newSortField(Schema.PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE);
    SortField id = new SortField(Schema.ID, SortField.Type.STRING);
    return order == SortOrder.RELEVANCE ? new Sort(SortField.FIELD_SCORE, newest, id) : new Sort(newest, id);
  }

  /** Counts sorted-set doc values by segment ordinal, resolving strings once per segment. */
  private static final class FacetCounter extends SimpleCollector {
    final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final List<String> fields;
    private SortedSetDocValues[] dv;
    private long[][] ords;

    FacetCounter(List<String> fields) {
      this.fields = fields;
      fields.forEach(f -> counts.put(f, new HashMap<>()));
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      dv = new SortedSetDocValues[fields.size()];
      ords = new long[fields.size()][];
      for (int i = 0; i < dv.length; i++) {
        dv[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
        ords[i] = new long[(int) dv[i].getValueCount()];
      }
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < dv.length; i++) {
        if (dv[i].advanceExact(doc)) {
          for (int k = 0; k < dv[i].docValueCount(); k++) {
            ords[i][(int) dv[i].nextOrd()]++;
          }
        }
      }
    }

    @Override
    public void finish() throws IOException {
      flush();
    }

    private void flush() throws IOException {
      if (dv == null) {
        return;
      }
      for (int i = 0; i < dv.length; i++) {
        Map<String, Long> into = counts.get(fields.get(i));
        for (int o = 0; o < ords[i].length; o++) {
          if (ords[i][o] > 0) {
            into.merge(dv[i].lookupOrd(o).utf8ToString(), ords[i][o], Long::sum);
          }
        }
      }
      dv = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private record FacetManager(List<String> fields) implements CollectorManager<FacetCounter, FacetCounter> {
    @Override
    public FacetCounter newCollector() {
      return new FacetCounter(fields);
    }

    @Override
    public FacetCounter reduce(Collection<FacetCounter> collectors) {
      FacetCounter total = new FacetCounter(fields);
      for (FacetCounter c : collectors) {
        c.counts.forEach((f, m) -> m.forEach((k, v) -> total.counts.get(f).merge(k, v, Long::sum)));
      }
      return total;
    }
  }
}
