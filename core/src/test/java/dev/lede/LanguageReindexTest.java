package dev.lede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lede.prepare.Preparer;
import dev.lede.search.Hit;
import dev.lede.search.LanguageSearchTest;
import dev.lede.search.NewsQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written before languages (schema 2) is upgraded by {@code reindex} (issue 18). */
class LanguageReindexTest {
  @TempDir Path dir;

  @Test
  void reindexGivesAnOlderIndexLanguagesAndTheirAnalysis() throws IOException {
    Path idx = dir.resolve("idx");
    // As schema 2 wrote it: no detection, every article in the English fields, no language stored.
    try (NewsIndex old = NewsIndex.open(idx, IndexOptions.defaults().withPreparer(Preparer.builder().language(null).build()))) {
      old.upsertAll(LanguageSearchTest.MIXED);
      old.commit();
      assertNull(old.get("de-schule").orElseThrow().language());
    }
    try (FSDirectory d = FSDirectory.open(idx);
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      data.put("lede.schema", "2");
      data.remove("lede.analysis.languages");
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
        () -> NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true)));
    assertEquals(IndexUnavailableException.Reason.SCHEMA_MISMATCH, e.reason());

    assertEquals(LanguageSearchTest.MIXED.size(), NewsIndex.reindex(idx).ingest().added());
    try (NewsIndex index = NewsIndex.openExisting(idx, IndexOptions.defaults().withReadOnly(true))) {
      assertEquals("de", index.get("de-schule").orElseThrow().language());
      Set<String> german = index.search(NewsQuery.builder("kind").language("de").build()).hits().stream().map(Hit::id)
          .collect(Collectors.toSet());
      assertEquals(Set.of("de-schule"), german);
    }
  }
}
