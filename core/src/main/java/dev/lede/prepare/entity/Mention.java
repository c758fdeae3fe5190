package dev.lede.prepare.entity;

import dev.lede.article.EntityType;
import java.util.Objects;

/**
 * One place where an article names an entity.
 *
 * @param surface the name as written, possessive stripped ({@code "Putin"} for "Putin’s")
 * @param canonical the entity it refers to ({@code "Vladimir Putin"})
 * @param type what the entity is
 * @param start offset in {@link EntityExtractor#textOf the analysed text}
 * @param end offset after the mention
 */
public record Mention(String surface, String canonical, EntityType type, int start, int end) {
  public Mention {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(type, "type");
  }
}
