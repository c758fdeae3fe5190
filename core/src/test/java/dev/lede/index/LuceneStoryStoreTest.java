package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.prepare.story.MemoryStoryStore;
import dev.lede.prepare.story.MinHash;
import dev.lede.prepare.story.StoryAssignment;
import dev.lede.prepare.story.StoryEntry;
import dev.lede.prepare.story.StoryIndex;
import dev.lede.prepare.story.StoryOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Story entries kept in the index's doc values, and a writer's memory loaded from them. */
class LuceneStoryStoreTest {
  static final String WIRE = dev.lede.prepare.story.StoryIndexTestTexts.WIRE;

  static MemoryStoryStore memory(StoryOptions options) {
    return new MemoryStoryStore(new MinHash(options.hashes(), options.bands(), options.seed()), options.minWords());
  }

  @Test
  void entriesWrittenAndLoadedAgainGroupTheNextCopy() throws IOException {
    StoryOptions options = StoryOptions.defaults();
    StoryIndex first = new StoryIndex(memory(options), options);
    StoryAssignment a = first.add(Article.builder().id("a").headline("a").body(WIRE)
        .published(Instant.parse("2024-05-01T08:00:00Z")).source("a.example").build());
    try (IndexWriter w = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new StandardAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("id", "a", Field.Store.NO));
      LuceneStoryStore.addFields(doc, a.entry(), "print-a");
      w.updateDocument(new Term("id", "a"), doc);
      w.commit();
      MemoryStoryStore loaded = memory(options);
      try (DirectoryReader r = DirectoryReader.open(w)) {
        LuceneStoryStore.load(r, loaded);
      }
      assertEquals("print-a", loaded.fingerprint("a"));
      StoryEntry back = loaded.get("a").orElseThrow();
      assertArrayEquals(a.entry().signature(), back.signature());
      assertEquals(a.entry().published(), back.published());
      StoryAssignment b = new StoryIndex(loaded, options).add(Article.builder().id("b").headline("b")
          .body(WIRE.replace("Tuesday", "Tuesday night")).published(Instant.parse("2024-05-01T09:00:00Z")).source("b.example").build());
      assertEquals("a", b.storyId());
    }
  }

  @Test
  void entriesWithoutSignatureRoundTrip() {
    // issue 14: with grouping off an entry has no signature, which reading back must accept
    StoryEntry e = new StoryEntry("x", "x", null, "00ff", new int[0], List.of(), 3);
    LuceneStoryStore.Unpacked u = LuceneStoryStore.unpack(new org.apache.lucene.util.BytesRef(LuceneStoryStore.pack(e, null)));
    assertEquals(0, u.entry().signature().length);
    assertEquals(null, u.fingerprint());
    assertTrue(u.entry().published() == null);
  }
}
