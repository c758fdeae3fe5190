package dev.lede.prepare.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void normalisationIgnoresCaseQuotesAndPunctuation() {
    assertEquals(
        List.of("it", "s", "the", "mayor", "s", "call", "dont", "panic"),
        StoryText.words("It s the Mayor s call: \u201cDon\u2019t panic!\u201d"));
    assertEquals(StoryText.words("Don't -- panic."), StoryText.words("don\u2019t panic"));
  }

  @Test
  void shortTextsHaveOneShingle() {
    assertEquals(1, Shingles.of(List.of("two", "words"), 4).length);
    assertEquals(0, Shingles.of(List.of(), 4).length);
  }

  @Test
  void rejectsAShingleSizeBelowOne() {
    var e = assertThrows(IllegalArgumentException.class, () -> Shingles.of(List.of("a"), 0));
    assertEquals("illegal shingle size: 0, must be at least 1", e.getMessage());
  }

  @Test
  void minHashEstimatesJaccardSimilarity() {
    // random texts over a small vocabulary, half of the words shared: the estimate must track the truth
    Random random = new Random(42);
    MinHash minHash = new MinHash(256, 64, 7);
    for (int round = 0; round < 20; round++) {
      List<String> a = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        a.add("w" + random.nextInt(5000));
      }
      List<String> b = new java.util.ArrayList<>(a.subList(0, 100 + random.nextInt(200)));
      for (int i = b.size(); i < 300; i++) {
        b.add("v" + random.nextInt(5000));
      }
      long[] sa = Shingles.of(a, 3);
      long[] sb = Shingles.of(b, 3);
      double exact = Shingles.jaccard(sa, sb);
      double estimate = MinHash.similarity(minHash.signature(sa), minHash.signature(sb));
      assertTrue(Math.abs(exact - estimate) < 0.1, "exact " + exact + " estimate " + estimate);
    }
  }

  @Test
  void signaturesAreTheSameOnEveryRun() {
    // stored signatures are compared with ones computed later: a fixed seed must give fixed values
    long[] shingles = Shingles.of(StoryText.words("the quick brown fox jumps over the lazy dog"), 3);
    assertArrayEquals(new MinHash(16, 4, 99).signature(shingles), new MinHash(16, 4, 99).signature(shingles));
    assertEquals(new MinHash(16, 4, 99).bandKeys(new MinHash(16, 4, 99).signature(shingles)).size(), 4);
  }

  @Test
  void rejectsBandsThatDoNotDivideTheSignature() {
    var e = assertThrows(IllegalArgumentException.class, () -> new MinHash(128, 30, 1));
    assertEquals("illegal number of bands: 30, must divide the number of hashes (128)", e.getMessage());
  }

  @Test
  void simHashOfSimilarTextsIsCloserThanOfDifferentOnes() {
    String base = StoryIndexTest.WIRE;
    long a = SimHash.of(Shingles.of(StoryText.words(base), 3));
    long b = SimHash.of(Shingles.of(StoryText.words(base.replace("painful", "hard")), 3));
    long c = SimHash.of(Shingles.of(StoryText.words(StoryIndexTest.SAME_TOPIC_OTHER_STORY), 3));
    assertTrue(SimHash.similarity(a, b) > SimHash.similarity(a, c));
  }

  @Test
  void wordDiffCountsAddedAndRemovedWordsWithMultiplicity() {
    assertEquals(new WordDiff(3, 1),
        WordDiff.between(StoryText.words("the cat sat on the mat"), StoryText.words("the cat sat on a big mat mat")));
    assertEquals(new WordDiff(0, 0), WordDiff.between(StoryText.words("a b c"), StoryText.words("c b a")));
  }
}
