package dev.lede.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Where the forgiving syntax puts each clause's query: exclusions and filters outside the scoring
 * part, the rest in it (next to a FILTER, a SHOULD clause would turn optional), within a budget of
 * leaves. One place for English ({@link QueryFactory}) and the other languages ({@link LanguageQueries}).
 */
final class SimpleClauses {
  final BooleanQuery.Builder scoring = new BooleanQuery.Builder();
  private final BooleanQuery.Builder outer = new BooleanQuery.Builder();
  /** The clauses that are plain words, in order: the coverage and phrase boosts read them. */
  final List<String> plainWords = new ArrayList<>();
  private final int budget;
  private int leaves;
  private int positives;

  SimpleClauses(int budget) {
    this.budget = budget;
  }

  /** Whether a clause on {@code field} filters rather than scores. */
  static boolean isFilter(String field) {
    return field != null && switch (field) {
      case "source", "type", "language", "id", "published", "author" -> true;
      default -> false;
    };
  }

  /**
   * Adds one clause's query; false when it would pass the budget, and nothing more should be added.
   * A huge paste is cut, not refused: the first clauses carry the meaning. Lucene counts every term
   * of every nested clause against its limit, so the cut counts them too, leaving room for the
   * proximity boosts and the filters.
   */
  boolean add(SimpleQueryParser.Clause c, Query query) {
    leaves += QueryFactory.leafCount(query);
    if (leaves > budget) {
      return false;
    }
    if (c.occur() == SimpleQueryParser.Occur.MUST_NOT) {
      outer.add(query, BooleanClause.Occur.MUST_NOT);
    } else if (isFilter(c.field())) {
      outer.add(query, BooleanClause.Occur.FILTER);
    } else {
      scoring.add(query, c.occur() == SimpleQueryParser.Occur.MUST ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
      positives++;
      if (c.field() == null && c.kind() == SimpleQueryParser.Kind.WORD) {
        plainWords.add(c.text());
      }
    }
    return true;
  }

  /** Whether any clause scores. */
  boolean anyPositive() {
    return positives > 0;
  }

  /** The whole query: the scoring part, or {@code withoutPositives} when no clause scores, inside the exclusions and filters. */
  Query build(Query withoutPositives) {
    outer.add(positives == 0 ? withoutPositives : scoring.build(), BooleanClause.Occur.MUST);
    return outer.build();
  }
}
