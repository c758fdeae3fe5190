package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void writtenLanguagesBecomeOneCode() {
    for (String written : new String[] {"de", "DE", " de ", "de-AT", "de_CH", "deu", "ger", "German", "german"}) {
      assertEquals("de", Languages.code(written), written);
    }
    assertEquals("fr", Languages.code("fre"));
    assertEquals("en", Languages.code("en-GB"));
    assertEquals("he", Languages.code("iw")); // the old code inputs still use
    assertEquals("und", Languages.code("und"));
  }

  @Test
  void valuesNamingNoLanguageAreNull() {
    assertNull(Languages.code(null));
    assertNull(Languages.code(" "));
    assertNull(Languages.code("xx"));
    assertNull(Languages.code("Klingon"));
    assertNull(Languages.code("english please"));
  }

  @Test
  void anUnknownCodeAskedForSaysWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Languages.require("xx"));
    assertEquals("unknown language 'xx': expected an ISO 639 code such as en, de or fr", e.getMessage());
  }
}
