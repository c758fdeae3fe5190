package dev.lede.prepare;

import dev.lede.article.Article;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an article through the preparation steps, in order. Thread-safe when its steps are.
 *
 * <p>The default pipeline only tidies the indexed body ({@link TextCleanup}); entity extraction and
 * learned boilerplate plug in as further steps.
 */
public final class Preparer {
  private final List<PrepareStep> steps;

  private Preparer(List<PrepareStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The default pipeline. */
  public static Preparer defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public PreparedArticle prepare(Article article) {
    PreparedArticle p = PreparedArticle.of(article);
    for (PrepareStep step : steps) {
      p = step.apply(p);
    }
    return p;
  }

  /** Collects steps; {@link TextCleanup} always runs first. */
  public static final class Builder {
    private final List<PrepareStep> steps = new ArrayList<>();

    private Builder() {
      steps.add(new TextCleanup());
    }

    public Builder step(PrepareStep step) {
      steps.add(step);
      return this;
    }

    public Preparer build() {
      return new Preparer(steps);
    }
  }
}
