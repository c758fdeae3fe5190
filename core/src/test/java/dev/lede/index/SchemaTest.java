package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.IndexOptions;
import dev.lede.IndexUnavailableException;
import dev.lede.IndexUnavailableException.Reason;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  private final Schema schema = Schema.defaults();

  @Test
  void possessivesAreStrippedForStraightCurlyAndFullWidthApostrophes() {
    for (String text : List.of("Kim's rally", "Kim\u2019s rally", "Kim\uFF07s rally")) {
      Map<String, List<String>> tokens = schema.analyze(text);
      assertEquals("kim", tokens.get(Schema.HEADLINE).get(0), text);
      assertEquals(List.of("=kim", "=rally"), tokens.get(Schema.ANALYZED_AS_WRITTEN), text);
    }
  }

  @Test
  void textChainDropsStopWordsAndStemsWhileTheFormsAsWrittenAreUnstemmed() {
    Map<String, List<String>> tokens = schema.analyze("The Strikes of Zürich");
    assertEquals(List.of("strike", "zurich"), tokens.get(Schema.HEADLINE));
    assertEquals(List.of("=strikes", "=zurich"), tokens.get(Schema.ANALYZED_AS_WRITTEN));
  }

  @Test
  void stemmerIsASetting() {
    assertEquals(List.of("run"), new Schema(NewsAnalyzers.Stemmer.PORTER).analyze("running").get(Schema.HEADLINE));
    assertEquals(List.of("running"), new Schema(NewsAnalyzers.Stemmer.NONE).analyze("running").get(Schema.HEADLINE));
  }

  @Test
  void commitDataRecordsVersionAndAnalysis() {
    Map<String, String> d = schema.describe();
    assertEquals(Integer.toString(Schema.VERSION), d.get("lede.schema"));
    assertTrue(d.get("lede.analysis.text").endsWith("+porter"), d.get("lede.analysis.text"));
  }

  @Test
  void indexOfAnotherSchemaVersionSaysRunReindex(@TempDir Path dir) throws Exception {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Map<String, String> old = new java.util.LinkedHashMap<>(schema.describe());
      old.put("lede.schema", Integer.toString(Schema.VERSION + 1));
      w.setLiveCommitData(old.entrySet());
      w.commit();
    }
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> NewsIndex.openExisting(dir));
    assertEquals(Reason.SCHEMA_MISMATCH, e.reason());
    assertEquals(dir, e.directory());
    assertEquals("index " + dir + " was written by Lede schema v" + (Schema.VERSION + 1) + ", this Lede uses v" + Schema.VERSION
        + ": run `lede reindex`", e.getMessage());
  }

  @Test
  void indexWrittenWithAnotherStemmerSaysRunReindex(@TempDir Path dir) {
    try (NewsIndex index = NewsIndex.open(dir, IndexOptions.defaults().withStemmer(NewsAnalyzers.Stemmer.KSTEM))) {
      index.upsert(Article.builder().id("a").headline("Rail strike").build());
    }
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> NewsIndex.openExisting(dir));
    assertEquals(Reason.SCHEMA_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("kstem") && e.getMessage().endsWith("run `lede reindex`"), e.getMessage());
  }

  @Test
  void luceneIndexWithoutLedeCommitDataIsNotALedeIndex(@TempDir Path dir) throws Exception {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      w.commit();
    }
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> NewsIndex.open(dir));
    assertEquals(Reason.NOT_A_LEDE_INDEX, e.reason());
    assertTrue(e.getMessage().contains("Lede did not write"), e.getMessage());
  }

  @Test
  void storedOriginalRoundTripsEveryField() {
    Article a = Article.builder().id("x").headline("H\u2019s").lead("L").body("B \u00e9").source("https://www.example.com/p")
        .url("https://example.com/p").published(java.time.Instant.parse("2025-03-01T10:00:00Z")).author("Ann")
        .language("en").entity(new dev.lede.article.Entity("Kim Jong-un", dev.lede.article.EntityType.PERSON, List.of("Kim")))
        .attribute("k", "v").build();
    org.apache.lucene.util.BytesRef bytes = schema.toDocument(dev.lede.prepare.Preparer.defaults().prepare(a)).getBinaryValue(Schema.ORIGINAL);
    assertEquals(a, StoredArticles.decode(bytes.bytes, bytes.offset, bytes.length));
  }

  @Test
  void originalIsPlainJsonAndDeflatedOriginalsOfOlderIndexesStillRead() throws Exception {
    Article a = Article.builder().id("y").headline("Rail strike").body("Trains stop.").build();
    byte[] json = StoredArticles.encode(a);
    assertEquals('{', json[0]);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(json);
    deflater.finish();
    byte[] buf = new byte[json.length + 64];
    int n = deflater.deflate(buf);
    deflater.end();
    assertEquals(a, StoredArticles.decode(buf, 0, n));
    // damaged stored bytes are reported as a corrupt index, which callers map to "index is damaged"
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> StoredArticles.decode(new byte[] {1, 2, 3}, 0, 3));
    assertTrue(e.getCause() instanceof org.apache.lucene.index.CorruptIndexException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().startsWith("stored article cannot be read: stored article is damaged"), e.getMessage());
  }
}
