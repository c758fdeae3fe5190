package dev.lede.search;

import dev.lede.article.EntityType;
import java.util.Objects;

/**
 * An entity whose share of coverage rose: how many articles named it in the window before and in
 * the recent window, and by how much its share grew.
 *
 * @param entity canonical name
 * @param type its type
 * @param countBefore articles naming it in the earlier window
 * @param countAfter articles naming it in the recent window
 * @param ratio {@code ((countAfter + 1) / (articlesAfter + 1)) / ((countBefore + 1) / (articlesBefore
 *     + 1))}: the growth of its share of all articles, add-one smoothed so that one mention is no trend
 */
public record TrendingEntity(String entity, EntityType type, long countBefore, long countAfter, double ratio) {
  public TrendingEntity {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(type, "type");
  }
}
