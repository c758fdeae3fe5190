package dev.lede.search;

import dev.lede.index.Schema;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A multiplier for recency: {@code 1 + weight * pivot / (pivot + age)}, 1 for an undated article.
 * Multiplying keeps the boost relative to the text score: with weight 0.1 a match more than 10%
 * stronger is never overtaken by a newer one, so recency reorders near-ties only.
 */
final class RecencyBoost extends DoubleValuesSource {
  private final double weight;
  private final double pivotMillis;
  private final long asOfMillis;

  RecencyBoost(double weight, long pivotMillis, long asOfMillis) {
    this.weight = weight;
    this.pivotMillis = pivotMillis;
    this.asOfMillis = asOfMillis;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedNumericDocValues multi = DocValues.getSortedNumeric(ctx.reader(), Schema.PUBLISHED);
    NumericDocValues published = DocValues.unwrapSingleton(multi);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        long t;
        if (published != null) {
          if (!published.advanceExact(doc)) {
            value = 1;
            return true;
          }
          t = published.longValue();
        } else {
          if (!multi.advanceExact(doc)) {
            value = 1;
            return true;
          }
          t = multi.nextValue();
        }
        double age = Math.abs((double) asOfMillis - t);
        value = 1 + weight * pivotMillis / (pivotMillis + age);
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher reader) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, Schema.PUBLISHED);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weight, pivotMillis, asOfMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecencyBoost r && r.weight == weight && r.pivotMillis == pivotMillis && r.asOfMillis == asOfMillis;
  }

  @Override
  public String toString() {
    return "recency(weight=" + weight + ",pivot=" + (long) pivotMillis + "ms,asOf=" + asOfMillis + ")";
  }
}
