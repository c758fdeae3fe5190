package dev.lede.bench.eval;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.search.Fusion;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchMode;
import dev.lede.search.Syntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lede with semantic search on, through its public API: the documents go into an index on disk,
 * {@link NewsIndex#enableSemantic} gives them vectors, and queries run in one {@link SearchMode}
 * with one {@link Fusion}. The index is kept under {@code target/semantic-eval/} and reused: the
 * model's cost is paid once per collection (an unchanged article is not written again, and one
 * with vectors of the model is not vectorised again), so that modes and fusion settings compare
 * on the same vectors.
 */
public final class LedeSemanticSystem implements RetrievalSystem {
  private static final int PAGE = 1000;
  private final String name;
  private final SearchMode mode;
  private final Fusion fusion;
  private NewsIndex index;

  public LedeSemanticSystem(String name, SearchMode mode, Fusion fusion) {
    this.name = name;
    this.mode = mode;
    this.fusion = fusion;
  }

  /** The index's default mode (null: hybrid, as an index with vectors has it) with the default fusion. */
  public static LedeSemanticSystem defaults() {
    return new LedeSemanticSystem("lede-hybrid", null, Fusion.defaults());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void index(List<EvalDocument> documents) {
    Path dir = Path.of("target", "semantic-eval", documents.size() + "-" + (documents.isEmpty() ? "none" : documents.get(0).id()));
    try {
      Files.createDirectories(dir.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (NewsIndex build = NewsIndex.open(dir)) {
      for (EvalDocument d : documents) {
        if (!(d.title().isEmpty() && d.text().isEmpty())) {
          build.upsert(Article.builder().id(d.id()).headline(d.title()).body(d.text()).build());
        }
      }
      build.commit();
      int threads = Integer.getInteger("lede.eval.threads", Runtime.getRuntime().availableProcessors());
      build.enableSemantic(threads, (done, total) -> System.err.printf("  vectors %s: %d/%d%n", dir.getFileName(), done, total));
    }
    index = NewsIndex.openExisting(dir, IndexOptions.defaults().withReadOnly(true).withFusion(fusion));
  }

  @Override
  public List<ScoredDoc> search(EvalQuery query, int k) {
    NewsQuery q = NewsQuery.builder(query.text()).syntax(Syntax.SIMPLE).collapse(false).highlight(false)
        .limit(Math.min(PAGE, k)).mode(mode).build();
    return LedeSystem.ranked(index, q, k);
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
  }
}
