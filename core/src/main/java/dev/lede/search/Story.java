package dev.lede.search;

import java.util.List;
import java.util.Objects;

/**
 * A story: the near-duplicate copies of one article, earliest first.
 *
 * @param id the story id, which is the id of its earliest member
 * @param members the copies, earliest first (published date, then id); the first is the story's
 *     own article, compared with itself
 */
public record Story(String id, List<StoryMember> members) {

  public Story {
    Objects.requireNonNull(id, "id");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("story '" + id + "' has no members");
    }
  }

  /** The sources that carried the story, in member order, each once. */
  public List<String> sources() {
    return members.stream().map(StoryMember::source).filter(Objects::nonNull).distinct().toList();
  }
}
