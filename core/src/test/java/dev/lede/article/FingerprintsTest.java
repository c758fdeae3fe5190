package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void ignoresWhiteSpaceCaseAndTypographicQuotes() {
    String fp = Fingerprints.of("Kim’s “Visit”", "Lead text.", "Body  text\nhere.");
    assertTrue(fp.matches("[0-9a-f]{32}"), fp);
    assertEquals(fp, Fingerprints.of("  kim's \"visit\" ", "lead   text.", "BODY text here."));
    assertEquals(fp, Fingerprints.of("Kim\u2019s \u201CVisit\u201D", "Lead\u00A0text.", "Body\ttext here."));
  }

  @Test
  void changesWhenTheContentChanges() {
    String fp = Fingerprints.of("Headline", "Lead.", "Body.");
    assertNotEquals(fp, Fingerprints.of("Headline", "Lead.", "Body changed."));
    assertNotEquals(fp, Fingerprints.of("Headline!", "Lead.", "Body."));
    // The separators keep text from moving silently between fields.
    assertNotEquals(Fingerprints.of("ab", "", ""), Fingerprints.of("a", "b", ""));
  }

  @Test
  void ofArticleUsesItsHeadlineLeadAndBody() {
    Article a = Article.builder().id("x").headline("H").lead("L").body("B").source("s.com").build();
    assertEquals(Fingerprints.of("H", "L", "B"), Fingerprints.of(a));
    assertEquals(Fingerprints.of(a), Fingerprints.of(a.toBuilder().id("y").source("other.org").build()), "metadata is not content");
    assertEquals(Fingerprints.of(null, null, null), Fingerprints.of("", " ", ""));
  }
}
