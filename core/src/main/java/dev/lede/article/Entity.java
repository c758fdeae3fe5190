package dev.lede.article;

import java.util.List;
import java.util.Objects;

/**
 * A named entity of an article: its canonical name, its type, and the other names it went by.
 *
 * @param name canonical name, e.g. {@code "Kim Jong-un"}; never blank
 * @param type what it is
 * @param aliases other spellings seen for it, e.g. {@code ["Kim", "Kim Jong Un"]}; may be empty,
 *     never contains {@code name} itself
 */
public record Entity(String name, EntityType type, List<String> aliases) {

  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    name = name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("entity name must not be blank");
    }
    String canonical = name;
    aliases =
        aliases == null
            ? List.of()
            : aliases.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(a -> !a.isEmpty() && !a.equals(canonical))
                .distinct()
                .toList();
  }

  /** An entity with no aliases. */
  public Entity(String name, EntityType type) {
    this(name, type, List.of());
  }
}
