package dev.lede.search;

import dev.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * The queries of semantic and hybrid search. Each is an ordinary Lucene query whose score is the
 * final one, so that the search path around it (filters, facets, cursors, collapse, highlights)
 * is the lexical one unchanged.
 *
 * <p>The vector part is found first, once per search: the k nearest articles within the filters (an
 * HNSW search per chunk field, an article scoring by its best chunk), fixed as a list of documents
 * and scores. Hybrid then adds the lexical query's scores, each side scaled to 0-1 over its own top k
 * ({@link Fusion}). So a hybrid search matches the lexical matches plus the k nearest articles, and
 * a semantic search the k nearest articles: that is what totals and facets count.
 */
final class VectorSearch {
  private VectorSearch() {}

  /** The k nearest articles by their best chunk, within {@code filter} (null: all), rewritten: the graph is searched here. */
  static Query nearest(IndexSearcher searcher, float[] vector, int k, Query filter) throws IOException {
    return found(searcher, vector, k, filter).query();
  }

  /** The k nearest articles as a query, and as the top list that query gives (its scores, for the scaling). */
  private record Found(Query query, TopDocs top) {}

  private static Found found(IndexSearcher searcher, float[] vector, int k, Query filter) throws IOException {
    List<Query> perChunk = new ArrayList<>(Schema.VECTORS.size());
    for (String field : Schema.VECTORS) {
      perChunk.add(new KnnFloatVectorQuery(field, vector, k, filter));
    }
    Query best = searcher.rewrite(new DisjunctionMaxQuery(perChunk, 0f));
    // Up to k per chunk field: keep the k best articles, by id (from doc values: no stored field is read).
    TopDocs top = searcher.search(best, k);
    if (top.scoreDocs.length == 0) {
      return new Found(best, top);
    }
    List<org.apache.lucene.util.BytesRef> ids = new ArrayList<>(top.scoreDocs.length);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (var sd : top.scoreDocs) {
      LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
      org.apache.lucene.index.SortedDocValues dv = leaf.reader().getSortedDocValues(Schema.ID);
      if (dv != null && dv.advanceExact(sd.doc - leaf.docBase)) {
        ids.add(org.apache.lucene.util.BytesRef.deepCopyOf(dv.lookupOrd(dv.ordValue())));
      }
    }
    Query query = new BooleanQuery.Builder()
        .add(best, BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.TermInSetQuery(Schema.ID, ids), BooleanClause.Occur.FILTER)
        .build();
    return new Found(query, top); // the same documents and scores: the filter only cuts the other chunk fields' extras
  }

  /** The scoring query of a search in this mode: semantic, the nearest articles; hybrid, both added. */
  static Query scoring(IndexSearcher searcher, SearchMode mode, Query text, Query filters, float[] vector, Fusion fusion)
      throws IOException {
    Found found = found(searcher, vector, fusion.k(), filters);
    Query nearest = found.query();
    if (mode == SearchMode.SEMANTIC) {
      return nearest;
    }
    TopDocs vectorTop = found.top();
    Query lexical = filters == null ? text
        : new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(filters, BooleanClause.Occur.FILTER).build();
    TopDocs lexicalTop = searcher.search(lexical, fusion.k());
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (lexicalTop.scoreDocs.length > 0) {
      b.add(new FunctionScoreQuery(text, new Scaled(lexicalTop, 1 - fusion.weight(), Fusion.TAIL)), BooleanClause.Occur.SHOULD);
    }
    if (vectorTop.scoreDocs.length > 0) {
      b.add(new FunctionScoreQuery(nearest, new Scaled(vectorTop, fusion.weight(), 0f)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery fused = b.build();
    return fused.clauses().isEmpty() ? text : fused;
  }

  /**
   * A score scaled to 0-{@code weight} between the best and the k-th of a top list (min-max); below
   * the k-th, {@code tail} of the scale keeps lower scores in order (zero: all below are 0).
   */
  static final class Scaled extends DoubleValuesSource {
    private final double max;
    private final double min;
    private final double weight;
    private final double tail;

    Scaled(TopDocs list, float weight, float tail) {
      this.max = list.scoreDocs[0].score;
      this.min = list.scoreDocs[list.scoreDocs.length - 1].score;
      this.weight = weight;
      this.tail = tail;
    }

    double scale(double s) {
      double range = max - min;
      double main = range <= 0 ? (s >= min ? 1 : 0) : Math.max(0, Math.min(1, (s - min) / range));
      double low = max > 0 ? tail * Math.max(0, Math.min(1, s / max)) : 0;
      return weight * ((1 - tail) * main + low);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
      return new DoubleValues() {
        @Override
        public double doubleValue() throws IOException {
          return scale(scores.doubleValue());
        }

        @Override
        public boolean advanceExact(int target) throws IOException {
          return scores.advanceExact(target);
        }
      };
    }

    @Override
    public boolean needsScores() {
      return true;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return "minmax(w=" + weight + ",min=" + min + ",max=" + max + ")";
    }

    @Override
    public org.apache.lucene.search.Explanation explain(LeafReaderContext ctx, int docId, org.apache.lucene.search.Explanation score) {
      double v = scale(score.getValue().doubleValue());
      return org.apache.lucene.search.Explanation.match(v, toString() + " of:", score);
    }
  }
}
