package dev.lede.index;

import dev.lede.vector.ArticleVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;

/** Reads an article's vectors back from the index: to carry them over into a rewrite or a reindex, and for related articles. */
public final class IndexedVectors {
  private IndexedVectors() {}

  /** The vectors of a document of this segment, or null when it has none. */
  public static ArticleVectors read(LeafReader leaf, int doc) throws IOException {
    String key = leaf.storedFields().document(doc, Set.of(Schema.VECTOR_KEY)).get(Schema.VECTOR_KEY);
    if (key == null) {
      return null;
    }
    List<float[]> chunks = new ArrayList<>();
    for (String field : Schema.VECTORS) {
      FloatVectorValues values = leaf.getFloatVectorValues(field);
      if (values == null) {
        break;
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      if (it.advance(doc) != doc) {
        break;
      }
      chunks.add(values.vectorValue(it.index()).clone());
    }
    return new ArticleVectors(key, chunks);
  }

  /** The vectors of a document of a reader of many segments, or null. */
  public static ArticleVectors read(org.apache.lucene.index.IndexReader reader, int doc) throws IOException {
    List<org.apache.lucene.index.LeafReaderContext> leaves = reader.leaves();
    org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    return read(leaf.reader(), doc - leaf.docBase);
  }
}
