package dev.lede.prepare.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryIndexTest {
  static final String WIRE =
      """
      The city council voted on Tuesday to close the old harbour bridge to cars from next spring, \
      after engineers found cracks in two of its steel supports during a routine inspection.

      The mayor said the decision was painful but unavoidable. Buses and bicycles will still be allowed \
      across while a replacement is planned, and a ferry service will run every fifteen minutes at peak times.

      Local shop owners on both banks warned that the closure would cut their trade, and asked the \
      council for help with rents during the works, which are expected to last at least three years.

      The bridge, opened in 1931, carries about 24,000 vehicles a day. A public meeting on the \
      replacement design is planned for next month at the town hall.""";

  static final String SAME_TOPIC_OTHER_STORY =
      """
      Engineers will begin a two-year repair of the river tunnel in June, the transport authority \
      said on Monday, after a survey found water leaking through its concrete lining.

      The tunnel will close at night and at weekends during the work, and drivers are advised to use \
      the ring road. The authority expects the repair to cost about 40 million.

      Residents near the tunnel entrance have complained for years about noise from lorries, and \
      welcomed the plan to limit heavy vehicles once the tunnel reopens to traffic.""";

  static Article article(String id, String source, String published, String headline, String body) {
    return Article.builder()
        .id(id)
        .source(source)
        .published(Instant.parse(published))
        .headline(headline)
        .body(body)
        .build();
  }

  static StoryIndex index() {
    return new StoryIndex(store(), StoryOptions.defaults());
  }

  /** The store the embedded index's writer uses. */
  static MemoryStoryStore store() {
    StoryOptions o = StoryOptions.defaults();
    return new MemoryStoryStore(new MinHash(o.hashes(), o.bands(), o.seed()), o.minWords());
  }

  @Test
  void groupsASyndicatedTrio() {
    StoryIndex stories = index();
    StoryAssignment first = stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
    // a copy with another headline, a dropped last paragraph and curly quotes
    StoryAssignment second = stories.add(article("b", "daily.example", "2024-05-01T09:00:00Z",
        "Council shuts ageing bridge to traffic", WIRE.substring(0, WIRE.lastIndexOf("\n\n")).replace("'", "\u2019")));
    // a copy with words replaced and a paragraph of the site's own
    StoryAssignment third = stories.add(article("c", "local.example", "2024-05-01T10:30:00Z",
        "Bridge closure: shops fear for trade",
        WIRE.replace("painful but unavoidable", "difficult but necessary").replace("Tuesday", "Tuesday evening")
            + "\n\nSubscribe to our newsletter for more local news."));

    assertEquals("a", first.storyId());
    assertNull(first.matchedId());
    assertEquals("a", second.storyId());
    assertEquals("a", third.storyId());
    assertEquals(List.of("a", "b", "c"), stories.members("a").stream().map(StoryEntry::id).toList());
  }

  @Test
  void withGroupingOffCopiesStandAloneButExactDuplicatesAreStillFound() {
    StoryIndex stories = new StoryIndex(store(), StoryOptions.defaults().withGrouping(false));
    stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
    StoryAssignment edited = stories.add(article("b", "daily.example", "2024-05-01T09:00:00Z",
        "Council shuts ageing bridge to traffic", WIRE.substring(0, WIRE.lastIndexOf("\n\n"))));
    StoryAssignment exact = stories.add(article("c", "copy.example", "2024-05-01T10:00:00Z", "Harbour bridge to close", WIRE));

    assertEquals("b", edited.storyId());
    assertNull(edited.duplicateOf());
    assertEquals("c", exact.storyId(), "no grouping, not even of exact copies");
    assertEquals("a", exact.duplicateOf(), "but the exact copy is still reported");
    assertEquals(0, exact.entry().signature().length, "and no signature was computed");
  }

  @Test
  void keepsTwoStoriesOnOneTopicApart() {
    StoryIndex stories = index();
    stories.add(article("bridge", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
    StoryAssignment tunnel = stories.add(
        article("tunnel", "wire.com", "2024-05-02T08:00:00Z", "River tunnel repair to start", SAME_TOPIC_OTHER_STORY));
    assertEquals("tunnel", tunnel.storyId());
    assertNull(tunnel.matchedId());
  }

  @Test
  void anArticleAddedLaterJoinsTheExistingStory() {
    StoryIndex stories = index();
    stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Harbour bridge to close", WIRE));
    stories.add(article("t", "wire.com", "2024-05-02T08:00:00Z", "Tunnel repair", SAME_TOPIC_OTHER_STORY));
    StoryAssignment late = stories.add(article("z", "late.example", "2024-05-03T08:00:00Z", "Bridge shut",
        WIRE.replace("fifteen minutes", "20 minutes")));
    assertEquals("a", late.storyId());
    assertEquals("a", late.matchedId());
    assertTrue(late.similarity() >= StoryOptions.defaults().threshold(), "similarity " + late.similarity());
  }

  @Test
  void anEarlierArticleArrivingLaterGivesTheStoryItsId() {
    StoryIndex stories = index();
    stories.add(article("b", "copy.example", "2024-05-01T09:00:00Z", "Bridge", WIRE + "\n\nRead more."));
    stories.add(article("c", "copy2.example", "2024-05-01T10:00:00Z", "Bridge", WIRE));
    StoryAssignment original = stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Bridge", WIRE));

    assertEquals("a", original.storyId());
    assertEquals(List.of("b", "c"), original.relabeled().stream().sorted().toList());
    assertEquals(List.of("a", "b", "c"), stories.members("a").stream().map(StoryEntry::id).toList());
    assertTrue(stories.members("b").isEmpty());
  }

  @Test
  void removingTheEarliestMemberHandsTheIdToTheNext() {
    StoryIndex stories = index();
    stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Bridge", WIRE));
    stories.add(article("b", "copy.example", "2024-05-01T09:00:00Z", "Bridge", WIRE + "\n\nRead more."));
    stories.add(article("c", "copy2.example", "2024-05-01T10:00:00Z", "Bridge", WIRE + "\n\nMore at 11."));

    assertEquals(List.of("b", "c"), stories.remove("a"));
    assertEquals("b", stories.get("c").orElseThrow().storyId());
  }

  @Test
  void reportsExactDuplicatesWhateverTheirQuotesAndSpacing() {
    StoryIndex stories = index();
    stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Bridge", WIRE));
    StoryAssignment dup = stories.add(article("b", "mirror.example", "2024-05-01T08:05:00Z", "Bridge!",
        WIRE.replace("'", "\u2019").replace(" ", "  ")));
    StoryAssignment near = stories.add(article("c", "copy.example", "2024-05-01T09:00:00Z", "Bridge",
        WIRE + "\n\nRead more."));

    assertEquals("a", dup.duplicateOf());
    assertEquals(1.0, dup.similarity());
    assertNull(near.duplicateOf());
    assertEquals("a", near.storyId());
  }

  @Test
  void replacingAnArticleReassignsIt() {
    StoryIndex stories = index();
    stories.add(article("a", "wire.com", "2024-05-01T08:00:00Z", "Bridge", WIRE));
    stories.add(article("b", "copy.example", "2024-05-01T09:00:00Z", "Bridge", WIRE));
    StoryAssignment replaced = stories.add(
        article("b", "copy.example", "2024-05-01T09:00:00Z", "Tunnel", SAME_TOPIC_OTHER_STORY));
    assertEquals("b", replaced.storyId());
    assertEquals(List.of("a"), stories.members("a").stream().map(StoryEntry::id).toList());
  }

  @Test
  void differentStoriesShareNoIdEvenWithIdenticalBoilerplate() {
    String footer = "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *";
    StoryIndex stories = index();
    StoryAssignment a = stories.add(article("a", "blog.example", "2024-05-01T08:00:00Z", "Bridge", WIRE + footer));
    StoryAssignment b = stories.add(
        article("b", "blog.example", "2024-05-02T08:00:00Z", "Tunnel", SAME_TOPIC_OTHER_STORY + footer));
    assertNotEquals(a.storyId(), b.storyId());
  }

  @Test
  void shortTextsJoinOnlyAsExactDuplicates() {
    // a template with a number changed is not one story told twice
    StoryIndex stories = index();
    stories.add(article("r1", "w.com", "2024-05-01T08:00:00Z", "Report 1", "A report. Report body 1"));
    assertNull(stories.add(article("r2", "w.com", "2024-05-01T09:00:00Z", "Report 2", "A report. Report body 2"))
        .matchedId());
    assertEquals("r1",
        stories.add(article("r3", "x.com", "2024-05-01T10:00:00Z", "Report 1", "A report. Report body 1")).storyId());
  }

  // issue 15, item 1: unrelated items whose only text is the same short sentence were one "exact copy" story
  @Test
  void aShortTextSharedUnderDifferentHeadlinesIsNotACopy() {
    StoryIndex stories = index();
    stories.add(article("m1", "w.com", "2024-05-01T08:00:00Z", "Bridge closed after crash", "More to follow."));
    StoryAssignment m2 = stories.add(article("m2", "w.com", "2024-05-01T09:00:00Z", "Mayor resigns", "More to follow."));
    StoryAssignment m3 = stories.add(article("m3", "x.com", "2024-05-01T09:30:00Z", "Storm warning for the coast", "More to follow!"));
    assertEquals("m2", m2.storyId());
    assertNull(m2.duplicateOf());
    assertEquals("m3", m3.storyId());
    assertNull(m3.duplicateOf());
    // the same short item under the same headline is still a copy
    StoryAssignment m4 = stories.add(article("m4", "y.com", "2024-05-01T10:00:00Z", "Mayor resigns", "More to follow."));
    assertEquals("m2", m4.storyId());
    assertEquals("m2", m4.duplicateOf());
  }
}
