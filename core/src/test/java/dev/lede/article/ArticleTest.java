package dev.lede.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleTest {

  @Test
  void theBuilderDerivesAnIdWhenNoneIsGiven() {
    Article a = Article.builder().headline("Flood Barrier Approved").source("https://www.herald.example/x").build();
    assertEquals(ArticleIds.derive("herald.example", null, "Flood Barrier Approved"), a.id());
    Article withUrl = Article.builder().headline("H").url("https://herald.example/a").build();
    assertEquals(ArticleIds.derive(null, "https://herald.example/a", null), withUrl.id());
    assertEquals("given", Article.builder().id(" given ").headline("H").build().id());
    assertEquals(a.id(), Article.builder().id("  ").headline("Flood Barrier Approved").source("herald.example").build().id());
  }

  @Test
  void anArticleWithoutHeadlineOrBodyIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Article.builder().id("x").headline(" ").body("\n").build());
    assertEquals("article has neither a headline nor a body", e.getMessage());
    IllegalArgumentException direct =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Article("x", "", "", "", null, null, null, null, null, null, null));
    assertEquals("article 'x' has neither a headline nor a body", direct.getMessage());
    NullPointerException noId =
        assertThrows(NullPointerException.class, () -> new Article(" ", "H", "", "", null, null, null, null, null, null, null));
    assertEquals("an article needs an id", noId.getMessage());
  }

  @Test
  void aLeadAloneIsEnough() {
    assertEquals("Only a lead.", Article.builder().lead(" Only a lead. ").build().lead());
  }

  @Test
  void normalisesItsFields() {
    Article a =
        Article.builder()
            .id("a1")
            .headline("  Headline  ")
            .body(null)
            .source("WWW.Example.COM")
            .url(" ")
            .language(" ")
            .authors(Arrays.asList(" Ann Lee ", null, " ", "Bo Chen"))
            .build();
    assertEquals("Headline", a.headline());
    assertEquals("", a.body());
    assertEquals("example.com", a.source());
    assertNull(a.url());
    assertNull(a.language());
    assertEquals(List.of("Ann Lee", "Bo Chen"), a.authors());
    assertEquals(List.of(), a.entities());
    assertEquals(Map.of(), a.attributes());
  }

  @Test
  void isImmutable() {
    Map<String, String> attributes = new HashMap<>(Map.of("k", "v"));
    Article a = Article.builder().id("a").headline("H").attributes(attributes).author("X").build();
    attributes.put("k2", "v2");
    assertEquals(Map.of("k", "v"), a.attributes());
    assertThrows(UnsupportedOperationException.class, () -> a.attributes().put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> a.authors().add("Y"));
    assertThrows(UnsupportedOperationException.class, () -> a.entities().add(new Entity("E", EntityType.OTHER)));
  }

  // An attribute without a value carries nothing, and null values break Map.copyOf and JSON writers downstream.
  @Test
  void dropsAttributesWithoutAValue() {
    Article a = Article.builder().id("a").headline("H").attribute("kept", "v").attribute("empty", null).build();
    assertEquals(Map.of("kept", "v"), a.attributes());
  }

  @Test
  void toBuilderRoundTrips() {
    Article a =
        Article.builder()
            .id("a")
            .headline("H")
            .lead("L")
            .body("B")
            .source("s.example")
            .url("https://s.example/a")
            .published(Instant.parse("2024-01-01T00:00:00Z"))
            .author("Ann")
            .language("en")
            .entity(new Entity("Ann", EntityType.PERSON))
            .attribute("counter", "3")
            .build();
    assertEquals(a, a.toBuilder().build());
    assertEquals(List.of(new Entity("Bo", EntityType.PERSON)), a.withEntities(List.of(new Entity("Bo", EntityType.PERSON))).entities());
  }

  @Test
  void textJoinsLeadAndBody() {
    assertEquals("L\n\nB", Article.builder().headline("H").lead("L").body("B").build().text());
    assertEquals("B", Article.builder().headline("H").body("B").build().text());
    assertEquals("L", Article.builder().headline("H").lead("L").build().text());
  }
}
