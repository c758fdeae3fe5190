package dev.lede.search;

import dev.lede.article.EntityType;
import java.time.Instant;
import java.util.Objects;

/**
 * One completion of typed text.
 *
 * @param text what to show and search for: an entity's canonical name, or a headline
 * @param kind where it comes from
 * @param entityType the entity's type (entities only, else null)
 * @param articles how many articles name the entity (entities only, else 0)
 * @param approximate true when it matched with one typo, not as typed (entities only)
 * @param id the article whose headline it is (headlines only, else null)
 * @param published that article's date (headlines only; null when unknown)
 */
public record Suggestion(String text, Kind kind, EntityType entityType, long articles, boolean approximate, String id,
    Instant published) {

  /** Where a suggestion comes from. */
  public enum Kind {
    ENTITY,
    HEADLINE
  }

  public Suggestion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  static Suggestion entity(String name, EntityType type, long articles, boolean approximate) {
    return new Suggestion(name, Kind.ENTITY, type, articles, approximate, null, null);
  }

  static Suggestion headline(String headline, String id, Instant published) {
    return new Suggestion(headline, Kind.HEADLINE, null, 0, false, id, published);
  }
}
