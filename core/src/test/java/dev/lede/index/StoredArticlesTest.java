package dev.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming read of a stored article gives what the JSON tree gave. */
class StoredArticlesTest {
  static final Article FULL = new Article("a-1", "Ferry \"Pride\" resumes", "Boats run again.", "Line one.\n\nLine two — ünïcödé ✓.",
      "bbc.co.uk", "https://example.org/a-1", Instant.parse("2025-06-06T10:00:00Z"), List.of("Priya Nair", "Lena Fischer"), "en",
      List.of(new Entity("European Central Bank", EntityType.ORGANIZATION, List.of("ECB")), new Entity("Kim Jong-un", EntityType.PERSON, List.of())),
      new LinkedHashMap<>(Map.of("section", "world", "words", "12")));
  static final Article SPARSE = new Article("b-2", "Only a headline", null, null, null, null, null, List.of(), null, List.of(), Map.of());

  @Test
  void anArticleReadsBackAsItWasStored() {
    for (Article a : List.of(FULL, SPARSE)) {
      byte[] bytes = StoredArticles.encode(a);
      assertEquals(a, StoredArticles.decode(bytes, 0, bytes.length));
      assertEquals(StoredArticles.fromJson(StoredArticles.toJson(a)), StoredArticles.decode(bytes, 0, bytes.length));
    }
  }

  @Test
  void preparedEntitiesAreReadBeside() {
    List<Entity> prepared = List.of(new Entity("Bank of England", EntityType.ORGANIZATION, List.of("BoE")));
    byte[] bytes = StoredArticles.encode(FULL, prepared);
    StoredArticles.Stored s = StoredArticles.decodeStored(bytes, 0, bytes.length);
    assertEquals(FULL, s.input());
    assertEquals(prepared, s.prepared());
    assertEquals(FULL.withEntities(prepared), StoredArticles.decode(bytes, 0, bytes.length));
  }

  @Test
  void aDetectedLanguageIsShownWhenTheArticleBroughtNone() {
    byte[] bytes = StoredArticles.encode(SPARSE, SPARSE.entities(), "de");
    assertEquals("de", StoredArticles.decode(bytes, 0, bytes.length).language());
    assertEquals(SPARSE, StoredArticles.decodeStored(bytes, 0, bytes.length).input(), "as read: no language");
    byte[] full = StoredArticles.encode(FULL, FULL.entities(), "de");
    assertEquals("en", StoredArticles.decode(full, 0, full.length).language(), "the article's own language wins");
  }

  @Test
  void unknownFieldsAndNullsReadAsTheTreeReadThem() throws Exception {
    String json = "{\"id\":\"c-3\",\"headline\":\"Ferry\",\"future\":{\"x\":[1,2,{\"y\":null}]},\"lead\":null,\"authors\":[\"A\"],"
        + "\"entities\":[{\"name\":\"Oslo\",\"type\":\"LOCATION\",\"extra\":true}],\"attributes\":{\"k\":\"v\"},\"published\":null}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(StoredArticles.fromJson(new ObjectMapper().readTree(json)), StoredArticles.decode(bytes, 0, bytes.length));
  }

  @Test
  void damagedBytesAreACorruptIndex() {
    byte[] bytes = "{\"id\":\"d-4\",\"headline\":".getBytes(StandardCharsets.UTF_8);
    assertThrows(UncheckedIOException.class, () -> StoredArticles.decode(bytes, 0, bytes.length));
    byte[] notJson = {1, 2, 3};
    assertThrows(UncheckedIOException.class, () -> StoredArticles.decode(notJson, 0, notJson.length));
  }
}
