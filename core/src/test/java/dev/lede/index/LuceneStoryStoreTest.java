package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lede.article.Article;
import dev.lede.prepare.story.StoryAssignment;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Story assignment with its candidates kept in, and found through, a Lucene index. */
class LuceneStoryStoreTest {
  static final String WIRE = dev.lede.prepare.story.StoryIndexTestTexts.WIRE;
  static final String OTHER = dev.lede.prepare.story.StoryIndexTestTexts.SAME_TOPIC_OTHER_STORY;

  final class Harness implements AutoCloseable {
    final IndexWriter writer;
    final SearcherManager manager;
    final LuceneStoryStore store;
    final StoryIndex stories;

    Harness() throws IOException {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new StandardAnalyzer()));
      manager = new SearcherManager(writer, null);
      StoryOptions options = StoryOptions.defaults();
      store = new LuceneStoryStore(f -> {
        try {
          IndexSearcher s = manager.acquire();
          try {
            return f.apply(s);
          } finally {
            manager.release(s);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "id", "story", new dev.lede.prepare.story.MinHash(options.hashes(), options.bands(), options.seed()));
      stories = new StoryIndex(store, options);
    }

    StoryAssignment add(String id, String published, String body) throws IOException {
      StoryAssignment a = stories.add(Article.builder().id(id).headline(id).body(body)
          .published(Instant.parse(published)).source(id + ".example").build());
      write(a.entry());
      for (String relabeled : a.relabeled()) {
        write(store.get(relabeled).orElseThrow());
      }
      return a;
    }

    void write(StoryEntry e) throws IOException {
      Document doc = new Document();
      doc.add(new StringField("id", e.id(), Field.Store.YES));
      doc.add(new StringField("story", e.storyId(), Field.Store.NO));
      LuceneStoryStore.addFields(doc, e);
      writer.updateDocument(new Term("id", e.id()), doc);
    }

    void refresh() throws IOException {
      manager.maybeRefreshBlocking();
      store.afterRefresh();
    }

    @Override
    public void close() throws IOException {
      manager.close();
      writer.close();
    }
  }

  @Test
  void findsCandidatesWrittenButNotYetRefreshed() throws IOException {
    try (Harness h = new Harness()) {
      h.add("a", "2024-05-01T08:00:00Z", WIRE);
      assertEquals("a", h.add("b", "2024-05-01T09:00:00Z", WIRE + "\n\nRead more.").storyId());
    }
  }

  @Test
  void findsCandidatesThroughTheIndexAfterRefresh() throws IOException {
    try (Harness h = new Harness()) {
      h.add("a", "2024-05-01T08:00:00Z", WIRE);
      h.add("t", "2024-05-01T08:30:00Z", OTHER);
      h.refresh();
      StoryAssignment b = h.add("b", "2024-05-01T09:00:00Z", WIRE.replace("Tuesday", "Tuesday night"));
      assertEquals("a", b.storyId());
      assertEquals("a", b.matchedId());
      h.refresh();
      assertEquals(List.of("a", "b"), h.stories.members("a").stream().map(StoryEntry::id).toList());
      assertNull(h.add("u", "2024-05-02T08:00:00Z", OTHER.replace("June", "July")).duplicateOf());
      assertEquals("t", h.store.get("u").orElseThrow().storyId());
    }
  }

  @Test
  void relabelsIndexedMembersWhenAnEarlierCopyArrives() throws IOException {
    try (Harness h = new Harness()) {
      h.add("b", "2024-05-01T09:00:00Z", WIRE);
      h.add("c", "2024-05-01T10:00:00Z", WIRE + "\n\nMore at 11.");
      h.refresh();
      StoryAssignment a = h.add("a", "2024-05-01T08:00:00Z", WIRE);
      assertEquals("b", a.duplicateOf());
      assertEquals(List.of("b", "c"), a.relabeled().stream().sorted().toList());
      h.refresh();
      assertEquals(List.of("a", "b", "c"), h.stories.members("a").stream().map(StoryEntry::id).toList());
      assertEquals(List.of(), h.stories.members("b"));
    }
  }
}
