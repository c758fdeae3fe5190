package dev.lede.search;

import dev.lede.article.Article;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * RM3 pseudo-relevance feedback over a query's first results ({@link Feedback}). Each of the top
 * articles is a bag of its stemmed words, normalised by its length and weighted by its score; the
 * heaviest words join the query, scored as the query's own words are. The query as typed stays a
 * required clause, so feedback reorders the articles that match the query and never adds others:
 * the hit count, filters and exclusions are the same as without it.
 */
final class FeedbackExpansion {
  private final Schema schema;
  private final Feedback settings;

  FeedbackExpansion(Schema schema, Feedback settings) {
    this.schema = schema;
    this.settings = settings;
  }

  /** The plain words of a query in the forgiving syntax: words with no field, quote or prefix. */
  static int plainWords(String text) {
    int n = 0;
    for (SimpleQueryParser.Clause c : SimpleQueryParser.parse(text)) {
      if (c.field() == null && c.kind() == SimpleQueryParser.Kind.WORD && c.occur() != SimpleQueryParser.Occur.MUST_NOT) {
        n++;
      }
    }
    return n;
  }

  /** Whether this query is expanded: feedback on, ranked by relevance, forgiving syntax, long enough. */
  static boolean applies(NewsQuery q) {
    Feedback f = q.feedback();
    return f.enabled() && q.sort() == SortOrder.RELEVANCE && q.syntax() == Syntax.SIMPLE && !q.text().isBlank()
        && plainWords(q.text()) >= f.minWords();
  }

  /**
   * The query expanded with the words of its best articles.
   *
   * @param text the query's scoring part
   * @param filters the query's filters, or null: the feedback articles obey them too
   * @param word the query of one analysed word, as the query's own words are scored
   */
  Query expand(IndexSearcher searcher, String typed, Query text, Query filters, Function<String, Query> word) {
    try {
      BooleanQuery.Builder first = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
      if (filters != null) {
        first.add(filters, BooleanClause.Occur.FILTER);
      }
      TopDocs top = searcher.search(first.build(), settings.docs());
      if (top.scoreDocs.length == 0) {
        return text;
      }
      Map<String, Double> model = new HashMap<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Article a = schema.toArticle(stored, sd.doc);
        Map<String, Integer> tf = new HashMap<>();
        for (String t : tokens(a.headline() + "\n\n" + a.lead() + "\n\n" + a.body())) {
          // Single letters and bare numbers say nothing about a subject.
          if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
            tf.merge(t, 1, Integer::sum);
          }
        }
        double length = tf.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
          model.merge(e.getKey(), sd.score * e.getValue() / length, Double::sum);
        }
      }
      List<Map.Entry<String, Double>> best = model.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
          .limit(settings.terms())
          .toList();
      double sum = best.stream().mapToDouble(Map.Entry::getValue).sum();
      if (best.isEmpty() || !(sum > 0)) {
        return text;
      }
      // On the typed query's scale: its words weigh 1 each, so the expansion as a whole weighs
      // (1 - lambda) times the number of query words and the query lambda times itself.
      int queryWords = Math.max(1, tokens(typed).size());
      float lambda = settings.originalWeight();
      BooleanQuery.Builder expansion = new BooleanQuery.Builder();
      for (Map.Entry<String, Double> e : best) {
        Query q = word.apply(e.getKey());
        expansion.add(new BoostQuery(q, (float) ((1 - lambda) * queryWords * e.getValue() / sum)), BooleanClause.Occur.SHOULD);
      }
      return new BooleanQuery.Builder()
          .add(new BoostQuery(text, lambda), BooleanClause.Occur.MUST)
          .add(expansion.build(), BooleanClause.Occur.SHOULD)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> tokens(String text) {
    return Tokens.tokens(schema.analyzer(Schema.BODY), Schema.BODY, text);
  }
}
