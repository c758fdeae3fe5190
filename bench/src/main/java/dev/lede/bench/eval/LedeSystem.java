package dev.lede.bench.eval;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.search.Feedback;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.Ranking;
import dev.lede.search.SearchResult;
import dev.lede.search.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lede itself, through its public API only: each document becomes an {@link Article} (headline =
 * title, body = text) in an in-memory {@link NewsIndex}, and each query goes in as typed, in the
 * forgiving {@link Syntax#SIMPLE} syntax, with story collapsing and highlighting off. Hits are read
 * page by page with the result cursor until the depth is reached.
 */
public final class LedeSystem implements RetrievalSystem {
  private static final int PAGE = 1000;

  private final String name;
  private final Supplier<NewsIndex> opener;
  private final Feedback feedback;
  private NewsIndex index;
  private int skipped;

  /**
   * A Lede system over an index this supplier opens.
   *
   * @param name the name in tables and run files
   * @param opener opens a fresh, empty index
   */
  public LedeSystem(String name, Supplier<NewsIndex> opener) {
    this(name, opener, null);
  }

  /**
   * A Lede system whose queries carry these feedback settings.
   *
   * @param feedback the queries' pseudo-relevance feedback, or null for the query's default
   */
  public LedeSystem(String name, Supplier<NewsIndex> opener, Feedback feedback) {
    this.name = name;
    this.opener = opener;
    this.feedback = feedback;
  }

  /** Lede with its default settings. */
  public static LedeSystem defaults() {
    return new LedeSystem("lede", NewsIndex::inMemory);
  }

  /** Lede with its default index settings and these feedback settings on every query. */
  public static LedeSystem withFeedback(String name, Feedback feedback) {
    return new LedeSystem(name, NewsIndex::inMemory, feedback);
  }

  /** Lede with this ranking on its index and these feedback settings (null: the query's default) on every query. */
  public static LedeSystem withRanking(String name, Ranking ranking, Feedback feedback) {
    return new LedeSystem(name, () -> NewsIndex.inMemory(IndexOptions.defaults().withRanking(ranking)), feedback);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void index(List<EvalDocument> documents) {
    index = opener.get();
    for (EvalDocument d : documents) {
      if (d.title().isEmpty() && d.text().isEmpty()) {
        // An Article needs some text; an empty document can never be retrieved by any system anyway.
        skipped++;
        continue;
      }
      index.upsert(Article.builder().id(d.id()).headline(d.title()).body(d.text()).build());
    }
    index.refresh();
  }

  /** How many documents had no text at all and were not indexed. */
  public int skipped() {
    return skipped;
  }

  @Override
  public List<ScoredDoc> search(EvalQuery query, int k) {
    NewsQuery.Builder b = NewsQuery.builder(query.text())
        .syntax(Syntax.SIMPLE)
        .collapse(false)
        .highlight(false)
        .limit(Math.min(PAGE, k));
    if (feedback != null) {
      b.feedback(feedback);
    }
    return ranked(index, b.build(), k);
  }

  /** The first {@code k} hits of {@code q}, page after page with the cursor, as the evaluation reads them. */
  static List<ScoredDoc> ranked(NewsIndex index, NewsQuery q, int k) {
    List<ScoredDoc> out = new ArrayList<>();
    while (out.size() < k) {
      SearchResult r = index.search(q);
      for (Hit h : r.hits()) {
        if (out.size() < k) {
          out.add(new ScoredDoc(h.id(), h.score()));
        }
      }
      if (r.next() == null || r.hits().isEmpty()) {
        break;
      }
      q = q.toBuilder().after(r.next()).build();
    }
    return out;
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
  }
}
