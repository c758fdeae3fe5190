package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.prepare.entity.EntityPreparer;
import dev.lede.prepare.entity.EntityStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an article through the preparation steps, in order. Thread-safe when its steps are.
 *
 * <p>The default pipeline tidies the indexed body ({@link TextCleanup}) and then gives each article
 * its entities ({@link EntityStep}: the input's, normalised, or extracted when it brought none);
 * learned boilerplate plugs in as a further step.
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

  /** Collects steps; {@link TextCleanup} always runs first, then the entity step unless turned off. */
  public static final class Builder {
    private final List<PrepareStep> steps = new ArrayList<>();
    private EntityPreparer entities = EntityPreparer.defaults();

    private Builder() {
      steps.add(new TextCleanup());
    }

    public Builder step(PrepareStep step) {
      steps.add(step);
      return this;
    }

    /** How entities are set (default {@link EntityPreparer#defaults()}); null turns the entity step off. */
    public Builder entities(EntityPreparer entities) {
      this.entities = entities;
      return this;
    }

    /** No entity step: articles keep exactly the entities they brought, and none are extracted. */
    public Builder withoutEntities() {
      return entities(null);
    }

    public Preparer build() {
      List<PrepareStep> all = new ArrayList<>(steps);
      if (entities != null) {
        all.add(1, new EntityStep(entities));
      }
      return new Preparer(all);
    }
  }
}
