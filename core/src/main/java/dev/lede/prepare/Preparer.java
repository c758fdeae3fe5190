package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.prepare.entity.EntityPreparer;
import dev.lede.prepare.entity.EntityStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an article through the preparation steps, in order. Thread-safe when its steps are.
 *
 * <p>The default pipeline tidies the indexed body ({@link TextCleanup}), gives each article a
 * language code ({@link LanguageStep}: the one it brought, or the one detected) and then its entities ({@link EntityStep}: the input's, normalised, or extracted when it brought none);
 * learned boilerplate plugs in as a further step.
 */
public final class Preparer {
  private final List<PrepareStep> steps;

  private final String description;

  private Preparer(List<PrepareStep> steps, String description) {
    this.steps = List.copyOf(steps);
    this.description = description;
  }

  /** Bumped whenever the built-in extraction changes what it finds: reindexes then extract again. */
  public static final String EXTRACTOR_VERSION = "rules-4"; // 4: the language is detected first, and non-English text gets no extraction (issue 18)

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

  /**
   * Prepares an article whose entities are already known (a reindex with the same extractor
   * carries them over; a rewrite keeps them): every step but the entity step, which is the costly
   * one and would give the same answer.
   */
  public PreparedArticle prepare(Article input, List<dev.lede.article.Entity> entities) {
    PreparedArticle p = PreparedArticle.of(input);
    for (PrepareStep step : steps) {
      if (!(step instanceof EntityStep)) {
        p = step.apply(p);
      }
    }
    return p.withArticle(p.article().withEntities(entities));
  }

  /**
   * What this preparation's output depends on, recorded in each commit: a reindex carries
   * entities over only when it is unchanged. "default" for the built-in extractor (its version
   * bumped whenever extraction changes), "none" without the entity step, "custom" otherwise.
   */
  public String describe() {
    return description;
  }

  /**
   * Collects steps; {@link TextCleanup} always runs first, then the language step and the entity
   * step unless turned off.
   */
  public static final class Builder {
    private final List<PrepareStep> steps = new ArrayList<>();
    private LanguageStep language = LanguageStep.defaults();
    private EntityPreparer entities = EntityPreparer.defaults();
    private boolean defaultEntities = true;

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
      this.defaultEntities = false;
      return this;
    }

    /** No entity step: articles keep exactly the entities they brought, and none are extracted. */
    public Builder withoutEntities() {
      return entities(null);
    }

    /**
     * How articles get their language code (default {@link LanguageStep#defaults()}); null turns
     * detection off: articles keep the language they brought, or none.
     */
    public Builder language(LanguageStep language) {
      this.language = language;
      return this;
    }

    public Preparer build() {
      List<PrepareStep> all = new ArrayList<>(steps);
      if (entities != null) {
        all.add(1, new EntityStep(entities));
      }
      if (language != null) {
        all.add(1, language); // before the entities: extraction reads the language
      }
      String description = steps.size() > 1 ? "custom"
          : entities == null ? "none" : defaultEntities ? EXTRACTOR_VERSION : "custom";
      return new Preparer(all, description);
    }
  }
}
