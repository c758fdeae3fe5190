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

  /** The normalisation fingerprints were made with before the one-pass fast path, for comparison. */
  private static String reference(String s) {
    if (s == null) {
      return "";
    }
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean space = true;
    for (char c : n.toCharArray()) {
      c = switch (c) {
        case '\u2018', '\u2019', '\u201B', '\u02BC' -> '\'';
        case '\u201C', '\u201D', '\u201E' -> '"';
        case '\u2013', '\u2014' -> '-';
        default -> c;
      };
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    return out.toString().endsWith(" ") ? out.substring(0, out.length() - 1) : out.toString();
  }

  @Test
  void fingerprintsAreThoseOfTheWholeTextNormalised() {
    // stored fingerprints must not change: an unchanged article re-fed stays unchanged
    java.util.Random r = new java.util.Random(14);
    String chars = "aB9 .,'\"-\n\t\u00A0\u2002\u2018\u2019\u201C\u201D\u2013\u2014\u00C9\u00DF\u0301\uFB01\u0130\u03A3\u2026\uFF21";
    for (int i = 0; i < 5_000; i++) {
      String[] t = new String[3];
      for (int k = 0; k < 3; k++) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(30);
        for (int j = 0; j < n; j++) {
          b.append(chars.charAt(r.nextInt(r.nextBoolean() ? 12 : chars.length())));
        }
        t[k] = r.nextInt(10) == 0 ? null : b.toString();
      }
      assertEquals(Hashing.sha256Hex(reference(t[0]) + "\u0000" + reference(t[1]) + "\u0000" + reference(t[2]), 32),
          Fingerprints.of(t[0], t[1], t[2]), String.join("|", java.util.Arrays.asList(t)));
      assertEquals(reference(t[0]), Text.normalize(t[0]));
    }
  }
}
