package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabSystemTest {
  private static final List<EvalDocument> DOCS = List.of(
      new EvalDocument("a", "Rockets over Cuba", "Missile sites were photographed in Cuba."),
      new EvalDocument("b", "Harvest news", "The harvest in Kansas was large; wheat prices fell."),
      new EvalDocument("c", "Missiles", "Soviet missile crews and missile bases, the missile crisis."),
      new EvalDocument("d", "Soviet bases", "Crews and bases were moved; the crisis deepened."));

  private static List<String> ids(LabSettings s, String query) {
    try (LabSystem lab = new LabSystem(s)) {
      lab.index(DOCS);
      return lab.search(new EvalQuery("1", query), 10).stream().map(ScoredDoc::docId).toList();
    }
  }

  @Test
  void baseSettingsRankLikeTheEnglishBaseline() {
    // The experiments start from this equality: one all-text field, EnglishAnalyzer's chain, BM25.
    try (LuceneBaseline english = LuceneBaseline.english()) {
      english.index(DOCS);
      List<String> expected = english.search(new EvalQuery("1", "missiles in Cuba soviet"), 10).stream()
          .map(ScoredDoc::docId).toList();
      assertEquals(expected, ids(LabSettings.base(), "missiles in Cuba soviet"));
      assertEquals(3, expected.size());
    }
  }

  @Test
  void feedbackFindsADocumentWithNoneOfTheQueryWords() {
    LabSettings noFeedback = LabSettings.base();
    assertEquals(List.of("c", "a"), ids(noFeedback, "missile"));
    // d shares "soviet", "crews", "bases", "crisis" with the top document c, but not "missile".
    List<String> expanded = ids(noFeedback.withFeedback(1, 5, 0.5f), "missile");
    assertTrue(expanded.contains("d"), expanded::toString);
    assertEquals("c", expanded.getFirst());
  }

  @Test
  void headlineWeightLiftsAHeadlineMatch() {
    // c says "Soviet" in its body among more text, d in its short headline; the weight decides.
    assertEquals("c", ids(LabSettings.base(), "soviet").getFirst());
    assertEquals("d", ids(LabSettings.base().withTitleWeight(3f), "soviet").getFirst());
  }

  @Test
  void illegalBm25ValuesAreRejectedWithTheValue() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> LabSettings.base().withBm25(1.2f, 2f));
    assertEquals("illegal b value: 2.0, must be between 0 and 1", e.getMessage());
  }
}
