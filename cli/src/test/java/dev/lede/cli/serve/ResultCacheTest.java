package dev.lede.cli.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Views of the index in the search cache: made ahead, made live by the first request, then retired. */
class ResultCacheTest {
  private final Object synonyms = new Object();
  private final Object v1 = new Object();
  private final Object v2 = new Object();

  private ResultCache.Key key(Object version, String request) {
    return new ResultCache.Key(version, synonyms, request);
  }

  private static byte[] body(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void answersMadeAheadAreFoundOnceTheNewViewIsLiveAndTheOldViewIsRetired() {
    ResultCache cache = new ResultCache(1 << 20);
    assertNull(cache.get(key(v1, "rail")));
    cache.put(key(v1, "rail"), body("old rail"));
    cache.put(key(v1, "strike"), body("old strike"));
    assertArrayEquals(body("old rail"), cache.get(key(v1, "rail")));
    cache.get(key(v1, "rail"));
    cache.get(key(v1, "strike"));
    assertEquals(List.of("rail", "strike"), cache.popular(10), "most asked first");
    assertEquals(List.of("rail"), cache.popular(1));

    assertTrue(cache.putAhead(key(v2, "rail"), body("new rail")));
    assertArrayEquals(body("old rail"), cache.get(key(v1, "rail")), "the live view's answers stay while the next is made");
    assertArrayEquals(body("new rail"), cache.get(key(v2, "rail")), "the first request of the new view finds it");
    assertNull(cache.get(key(v2, "strike")), "not made ahead: a miss");
    assertEquals(1, cache.stats().entries(), "the old view's answers went with it");

    // a search that read the old view before the switch finishes late: it neither finds nor keeps anything
    assertNull(cache.get(key(v1, "rail")));
    cache.put(key(v1, "flood"), body("old flood"));
    assertNull(cache.get(key(v2, "flood")));
    assertFalse(cache.putAhead(key(v1, "flood"), body("old flood")));
    assertArrayEquals(body("new rail"), cache.get(key(v2, "rail")));
    assertEquals(1, cache.stats().warmed());
  }

  @Test
  void newSynonymsAreANewView() {
    ResultCache cache = new ResultCache(1 << 20);
    cache.put(key(v1, "rail"), body("rail"));
    ResultCache.Key other = new ResultCache.Key(v1, new Object(), "rail");
    assertNull(cache.get(other));
    assertNull(cache.get(key(v1, "rail")), "the list before is retired");
  }

  @Test
  void boundedInBytesLeastRecentlyUsedFirst() {
    ResultCache cache = new ResultCache(800);
    for (int i = 0; i < 10; i++) {
      cache.put(key(v1, "q" + i), new byte[100]);
    }
    assertEquals(8, cache.stats().entries());
    assertNull(cache.get(key(v1, "q0")));
    cache.put(key(v1, "big"), new byte[101]); // over an eighth of the cache: not kept
    assertNull(cache.get(key(v1, "big")));
  }
}
