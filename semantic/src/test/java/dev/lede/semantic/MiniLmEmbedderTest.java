package dev.lede.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.vector.Embedder;
import dev.lede.vector.Embedders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model, loaded once for the class (about a second): the only tests that run it. */
class MiniLmEmbedderTest {
  private static Set<String> tempBefore;
  private static Embedder model;

  @BeforeAll
  static void load() throws IOException {
    tempBefore = temp();
    model = Embedders.get();
  }

  private static Set<String> temp() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("onnxruntime")).collect(Collectors.toSet());
    }
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static String words(String prefix, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(prefix).append(i % 17 == 0 ? "" : i % 13).append(' ');
    }
    return b.toString();
  }

  @Test
  void loadingLeavesNothingInTheTempDirectory() throws IOException {
    Set<String> after = temp();
    after.removeAll(tempBefore);
    assertEquals(Set.of(), after);
    assertTrue(Embedders.get() == model, "one model per process");
  }

  @Test
  void nearerInMeaningScoresHigher() {
    float[] q = model.embedQuery("central bank raises interest rates");
    float[] near = model.embedQuery("The Federal Reserve lifted borrowing costs again.");
    float[] far = model.embedQuery("The team won the cup final on penalties.");
    assertEquals(384, q.length);
    assertEquals(1.0, dot(q, q), 1e-4, "unit length");
    assertTrue(dot(q, near) > dot(q, far) + 0.2, dot(q, near) + " vs " + dot(q, far));
  }

  @Test
  void textBeyondTheModelFiles128PiecesStillChangesTheVector() {
    // 200 words is well past 128 word pieces: a tokenizer that truncates there would give both the same vector
    String start = "The harbour was quiet in the morning and the fishing boats came home late. ".repeat(14);
    String tail = " Then a storm flooded the town and the army was called in to rescue families from their roofs.";
    float[] a = model.embedDocument(start, 4).get(0);
    float[] b = model.embedDocument(start + tail, 4).get(0);
    assertEquals(1, model.embedDocument(start + tail, 4).size());
    assertTrue(dot(a, b) < 0.999f, "the words after the 128th piece count: " + dot(a, b));
  }

  @Test
  void longTextsAreReadInChunksOfWholeWordsUpToTheLimit() {
    assertEquals(1, model.embedDocument(words("alpha", 256), 4).size());
    assertEquals(2, model.embedDocument(words("alpha", 257), 4).size());
    assertEquals(4, model.embedDocument(words("alpha", 5000), 4).size());
    assertEquals(2, model.embedDocument(words("alpha", 5000), 2).size());
  }

  @Test
  void blankTextHasNoVector() {
    assertEquals(List.of(), model.embedDocument("", 4));
    assertEquals(List.of(), model.embedDocument(" \n\t ", 4));
    assertNull(model.embedQuery("   "));
    assertNull(model.embedQuery(null));
    assertEquals(1, model.embedDocument("!!!", 4).size(), "punctuation is text to the model");
  }

  @Test
  void tokenizerSplitsAsBertDoes() {
    assertEquals(List.of("hello", ",", "world", "!", "cafe", "naive", "3", ".", "5", "%"),
        WordPieceTokenizer.words("Hello, World! Café naïve 3.5%"));
    assertEquals(List.of("a", "b"), WordPieceTokenizer.words("a\u0000\u200b b"));
  }
}
