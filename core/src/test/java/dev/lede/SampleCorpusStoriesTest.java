package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample corpus's labelled syndicated groups come out as stories, and no other article joins one. */
class SampleCorpusStoriesTest {
  static final Path CORPUS = Path.of("..", "sample-corpus");

  @Test
  void labelledGroupsAreExactlyTheStories() throws Exception {
    assumeTrue(Files.isRegularFile(CORPUS.resolve("labels/stories.tsv")));
    Map<String, String> groupOf = new HashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("labels/stories.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        groupOf.put(f[1].strip(), f[0].strip());
      }
    }
    try (NewsIndex index = NewsIndex.inMemory()) {
      Set<String> ids = new HashSet<>();
      for (String dir : List.of("crawl", "feeds", "posts")) {
        for (Article a : ArticleInputs.readAll(CORPUS.resolve(dir))) {
          index.upsert(a);
          ids.add(a.id());
        }
      }
      index.refresh();
      Map<String, Set<String>> predicted = new HashMap<>();
      for (String id : ids) {
        String story = index.story(id).orElseThrow().id();
        predicted.computeIfAbsent(story, s -> new HashSet<>()).add(id);
      }
      Map<String, Set<String>> expected = new HashMap<>();
      for (String id : ids) {
        expected.computeIfAbsent(groupOf.getOrDefault(id, "alone:" + id), g -> new HashSet<>()).add(id);
      }
      assertEquals(Set.copyOf(expected.values()), Set.copyOf(predicted.values()));
    }
  }
}
