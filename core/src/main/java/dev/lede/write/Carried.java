package dev.lede.write;

import dev.lede.article.Entity;
import dev.lede.prepare.story.StoryEntry;
import java.util.List;

/**
 * What an earlier preparation made of an article, carried into a rebuilt index so that it is not
 * made again.
 *
 * @param entities the entities (null when the extractor changed: they are extracted again)
 * @param entry the story entry with its signature (null when the signing options changed: it is
 *     signed again)
 * @param storyKept the entry's story id stands (every story option is unchanged); else the entry
 *     is placed among the others again
 * @param vectors the article's vectors (null when it had none); used only when made from the same
 *     text by the same model
 */
public record Carried(List<Entity> entities, StoryEntry entry, boolean storyKept, dev.lede.vector.ArticleVectors vectors) {
  public Carried(List<Entity> entities, StoryEntry entry) {
    this(entities, entry, false, null);
  }

  public Carried(List<Entity> entities, StoryEntry entry, boolean storyKept) {
    this(entities, entry, storyKept, null);
  }
}
