package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.prepare.boilerplate.LearnedLine;
import dev.lede.prepare.story.StoryIndexTestTexts;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stories and learned boilerplate, end to end through the embedded index. */
class StoriesThroughIndexTest {
  static final String WIRE = StoryIndexTestTexts.WIRE;
  static final String OTHER = StoryIndexTestTexts.SAME_TOPIC_OTHER_STORY;
  static final String FOOTER = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *";

  static Article article(String id, String source, String published, String headline, String body) {
    return Article.builder().id(id).source(source).published(Instant.parse(published)).headline(headline).body(body)
        .build();
  }

  @Test
  void syndicatedCopiesCollapseIntoOneHitWithTheirSources() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      index.upsert(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
      index.upsert(article("b", "daily.example", "2024-05-01T09:00:00Z", "Council shuts bridge",
          WIRE.substring(0, WIRE.lastIndexOf("\n\n"))));
      index.upsert(article("c", "local.example", "2024-05-01T10:00:00Z", "Bridge closure", WIRE + "\n\nMore soon."));
      index.upsert(article("t", "wire.com", "2024-05-02T08:00:00Z", "Tunnel repair", OTHER));
      index.refresh();

      SearchResult r = index.search(NewsQuery.builder("bridge").build());
      assertEquals(1, r.hits().size());
      Hit hit = r.hits().get(0);
      assertEquals("a", hit.storyId());
      assertEquals(2, hit.collapsedCount());
      assertEquals(3, index.search(NewsQuery.builder("bridge").collapse(false).build()).hits().size());
      assertEquals("t", index.search(NewsQuery.builder("tunnel").build()).hits().get(0).storyId());
    }
  }

  @Test
  void withGroupingOffEveryCopyIsAHitOfItsOwn() {
    IndexOptions options = IndexOptions.defaults().withStories(dev.lede.prepare.story.StoryOptions.defaults().withGrouping(false));
    try (NewsIndex index = NewsIndex.inMemory(options)) {
      index.upsert(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
      index.upsert(article("b", "daily.example", "2024-05-01T09:00:00Z", "Council shuts bridge",
          WIRE.substring(0, WIRE.lastIndexOf("\n\n"))));
      index.refresh();

      SearchResult r = index.search(NewsQuery.builder("bridge").build());
      assertEquals(2, r.hits().size(), "collapsing has nothing to collapse");
      assertEquals(Set.of("a", "b"), Set.of(r.hits().get(0).storyId(), r.hits().get(1).storyId()));
    }
  }

  @Test
  void storyListsMembersEarliestFirstWithLengthDifferences() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      // the original arrives last: the story still takes its id
      index.upsert(article("b", "daily.example", "2024-05-01T09:00:00Z", "Council shuts bridge",
          WIRE.substring(0, WIRE.lastIndexOf("\n\n"))));
      index.upsert(article("c", "local.example", "2024-05-01T10:00:00Z", "Bridge closure", WIRE + "\n\nMore soon."));
      index.upsert(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));

      Story story = index.story("c").orElseThrow();
      assertEquals("a", story.id());
      assertEquals(List.of("a", "b", "c"), story.members().stream().map(StoryMember::id).toList());
      assertEquals(List.of("wire.com", "daily.example", "local.example"), story.sources());
      StoryMember cut = story.members().get(1);
      assertEquals(0, cut.wordsAdded());
      assertTrue(cut.wordsRemoved() > 20, "removed " + cut.wordsRemoved());
      assertEquals(2, story.members().get(2).wordsAdded());
      index.refresh();
      assertEquals("a", index.search(NewsQuery.builder("bridge").build()).hits().get(0).storyId());
      assertTrue(index.story("nope").isEmpty());
    }
  }

  @Test
  void collapsedPagesNeverSplitAStoryNorLoseAHit() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      // twelve different stories about a harbour (random words), each with one to four copies
      java.util.Random random = new java.util.Random(12);
      int articles = 0;
      for (int s = 0; s < 12; s++) {
        StringBuilder body = new StringBuilder("The harbour");
        for (int w = 0; w < 120; w++) {
          body.append(' ').append("w").append(random.nextInt(3000));
        }
        for (int c = 0; c <= s % 4; c++) {
          index.upsert(article("s" + s + "c" + c, "site" + c + ".example", "2024-05-01T0" + c + ":00:00Z",
              "Harbour story " + s, c == 0 ? body.toString() : body + "\n\nCopy note " + c + "."));
          articles++;
        }
      }
      index.refresh();
      Set<String> stories = new HashSet<>();
      int seen = 0;
      String cursor = null;
      List<Integer> pageSizes = new ArrayList<>();
      do {
        NewsQuery.Builder q = NewsQuery.builder("harbour").limit(5);
        if (cursor != null) {
          q.after(cursor);
        }
        SearchResult page = index.search(q.build());
        pageSizes.add(page.hits().size());
        for (Hit h : page.hits()) {
          assertTrue(stories.add(h.storyId()), "story " + h.storyId() + " on two pages");
          seen += 1 + h.collapsedCount();
        }
        cursor = page.next();
      } while (cursor != null);
      assertEquals(12, stories.size());
      assertEquals(articles, seen);
    }
  }

  // Issue 17: collapsing in one pass (no query per hit from the first page, sources from doc values)
  // must give what the uncollapsed order says: each story's first hit, its other sources and count.
  @Test
  void collapsedHitsAreEachStorysFirstUncollapsedHit() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      java.util.Random random = new java.util.Random(17);
      for (int s = 0; s < 9; s++) {
        StringBuilder body = new StringBuilder("The harbour");
        for (int w = 0; w < 120; w++) {
          body.append(' ').append("w").append(random.nextInt(3000));
        }
        for (int c = 0; c <= s % 4; c++) {
          // copies repeat "harbour" a different number of times, so their scores differ
          index.upsert(article("s" + s + "c" + c, "site" + (c + s) % 5 + ".example", "2024-05-0" + (1 + (s + c) % 7) + "T0" + c + ":00:00Z",
              "Harbour story " + s, body + " harbour".repeat(c * (s % 3))));
        }
      }
      index.refresh();
      for (dev.lede.search.SortOrder order : dev.lede.search.SortOrder.values()) {
        List<Hit> all = index.search(NewsQuery.builder("harbour").sort(order).limit(100).collapse(false).build()).hits();
        java.util.Map<String, List<Hit>> byStory = new java.util.LinkedHashMap<>();
        for (Hit h : all) {
          byStory.computeIfAbsent(h.storyId(), k -> new ArrayList<>()).add(h);
        }
        List<Hit> collapsed = new ArrayList<>();
        String cursor = null;
        do {
          NewsQuery.Builder q = NewsQuery.builder("harbour").sort(order).limit(4);
          if (cursor != null) {
            q.after(cursor);
          }
          SearchResult page = index.search(q.build());
          collapsed.addAll(page.hits());
          cursor = page.next();
        } while (cursor != null);
        assertTrue(byStory.values().stream().anyMatch(m -> m.size() > 2), "the fixture has stories to collapse");
        assertEquals(byStory.values().stream().map(m -> m.get(0).id()).toList(), collapsed.stream().map(Hit::id).toList(), order.name());
        for (Hit h : collapsed) {
          List<Hit> members = byStory.get(h.storyId());
          assertEquals(members.size() - 1, h.collapsedCount(), h.id());
          Set<String> others = new HashSet<>();
          members.subList(1, members.size()).forEach(m -> others.add(m.source()));
          assertEquals(others, new HashSet<>(h.alsoReportedBy()), h.id());
        }
      }
    }
  }

  @Test
  void learnsASourcesFooterAndStopsIndexingIt(@TempDir Path dir) {
    try (NewsIndex index = NewsIndex.open(dir)) {
      String[] topics = {"harbour bridge", "river tunnel", "city budget", "school meals", "tram line"};
      for (int n = 0; n < topics.length; n++) {
        index.upsert(article("p" + n, "blog.example", "2024-05-0" + (n + 1) + "T08:00:00Z", "Post about the " + topics[n],
            "Today we write about the " + topics[n] + " and what it means for residents.\n\n" + FOOTER));
      }
      index.upsert(article("solo", "other.example", "2024-05-01T08:00:00Z", "A single post", "One post.\n\n" + FOOTER));
      index.commit();
      List<LearnedLine> learned = index.boilerplate().get("blog.example");
      assertEquals(2, learned.size());
      assertEquals(5, learned.get(0).count());
      assertFalse(index.boilerplate().containsKey("other.example"));
      // the last posts were indexed without the footer; the stored original keeps it
      assertTrue(index.get("p4").orElseThrow().body().endsWith("Required fields are marked *"));
      List<String> hits = index.search(NewsQuery.builder("\"email address\"").collapse(false).build()).hits().stream()
          .map(Hit::id).sorted().toList();
      assertEquals(List.of("p0", "p1", "solo"), hits);
    }
    // learned counts survive closing and reopening
    try (NewsIndex index = NewsIndex.open(dir)) {
      assertEquals(5, index.boilerplate().get("blog.example").get(0).count());
      index.resetBoilerplate();
      assertTrue(index.boilerplate().isEmpty());
    }
  }
}
