package dev.lede;

import dev.lede.article.Entity;
import dev.lede.prepare.story.StoryEntry;
import java.util.List;

/**
 * What an earlier preparation made of an article, carried into a rebuilt index so that it is not
 * made again: the entities (null when the extractor changed) and the story signature (null when
 * the story options changed) and the vectors (null when there were none; used only when made from
 * the same text by the same model).
 */
record Carried(List<Entity> entities, StoryEntry entry, dev.lede.vector.ArticleVectors vectors) {
  Carried(List<Entity> entities, StoryEntry entry) {
    this(entities, entry, null);
  }
}
