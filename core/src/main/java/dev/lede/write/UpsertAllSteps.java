package dev.lede.write;

import dev.lede.NewsIndex;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of an index that gives none of its own: preparing and placing are left to it, and
 * each unit is one {@link NewsIndex#upsertAll} call.
 */
final class UpsertAllSteps implements WriteSteps<Article, Article> {
  /** Articles per call: a remote index costs a round trip per call. */
  static final int BATCH = 500;

  private final NewsIndex index;

  UpsertAllSteps(NewsIndex index) {
    this.index = index;
  }

  @Override
  public int batch() {
    return BATCH;
  }

  @Override
  public Article prepare(Article article, Carried carried) {
    return article;
  }

  @Override
  public Article place(Article prepared) {
    return prepared;
  }

  @Override
  public List<Written> store(List<Article> placed) {
    List<Written> out = new ArrayList<>(placed.size());
    for (UpsertOutcome o : index.upsertAll(placed)) {
      out.add(new Written(o, null));
    }
    return out;
  }

  @Override
  public void commit() {
    index.commit();
  }

  @Override
  public List<String> takeWarnings() {
    return index.takeWarnings();
  }
}
