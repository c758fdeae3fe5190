package dev.lede.prepare.entity;

import dev.lede.prepare.PrepareStep;
import dev.lede.prepare.PreparedArticle;
import java.util.Objects;

/** The preparation step that sets an article's entities through an {@link EntityPreparer}. Thread-safe. */
public final class EntityStep implements PrepareStep {
  private final EntityPreparer entities;

  public EntityStep(EntityPreparer entities) {
    this.entities = Objects.requireNonNull(entities, "entities");
  }

  /** The default: built-in gazetteer, rules, extraction for articles that bring no entities. */
  public static EntityStep defaults() {
    return new EntityStep(EntityPreparer.defaults());
  }

  @Override
  public PreparedArticle apply(PreparedArticle prepared) {
    return prepared.withArticle(entities.prepare(prepared.article()));
  }
}
