package dev.lede.write;

import dev.lede.article.Entity;
import dev.lede.prepare.story.StoryEntry;
import java.util.List;

/**
 * What an earlier preparation made of an article, carried into a rebuilt index so that it is not
 * made again: the entities (null when the extractor changed) and the story entry with its
 * signature and story id (null when the story options changed).
 *
 * @param fingerprint the record fingerprint the article was stored with (null when unknown)
 */
public record Carried(List<Entity> entities, StoryEntry entry, String fingerprint) {
  public Carried(List<Entity> entities, StoryEntry entry) {
    this(entities, entry, null);
  }
}
