package dev.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Articles in other languages than English: detection, analysis per language, search over all of them (issue 18). */
public class LanguageSearchTest {
  public static final List<Article> MIXED = List.of(
      // no language given: each is detected
      article("de-schule", null, "Schulen öffnen wieder",
          "Nach den Ferien kehren die Kinder am Montag in die Klassen zurück, teilte das Ministerium mit."),
      article("fr-armee", null, "L’armée renforce sa présence dans le nord",
          "Le ministère de la Défense a annoncé l'envoi de renforts dans la région après les inondations de la semaine dernière."),
      article("fr-armees", null, "Les armées européennes coopèrent",
          "Les ministres de la Défense se sont réunis à Bruxelles pour coordonner leurs achats de munitions."),
      article("en-kind", null, "A kind gesture from the mayor",
          "The mayor thanked the volunteers who cleaned the river banks on Saturday morning."),
      article("en-army", null, "Army sends engineers to flooded towns",
          "Soldiers began building temporary bridges after the floods cut off several towns in the north."),
      // brought languages: kept, whatever the text looks like
      article("es-brought", "es-ES", "Los niños vuelven a las aulas",
          "Más de ocho millones de alumnos empiezan el curso escolar esta semana."),
      article("tlh", "Klingon", "Qapla' batlh", "nuqneH Qapla' tlhIngan Hol"));

  static Article article(String id, String language, String headline, String body) {
    return Article.builder().id(id).headline(headline).body(body).source("example.org").url("https://example.org/" + id)
        .language(language).build();
  }

  static NewsIndex mixed() {
    NewsIndex index = NewsIndex.inMemory();
    index.upsertAll(MIXED);
    index.commit();
    return index;
  }

  private static Set<String> ids(NewsIndex index, NewsQuery q) {
    return index.search(q).hits().stream().map(Hit::id).collect(Collectors.toSet());
  }

  private static Set<String> ids(NewsIndex index, String text, String... languages) {
    return ids(index, NewsQuery.builder(text).language(languages).collapse(false).build());
  }

  @Test
  void articlesWithoutALanguageGetTheDetectedOneAndBroughtOnesAreKept() {
    try (NewsIndex index = mixed()) {
      assertEquals("de", index.get("de-schule").orElseThrow().language());
      assertEquals("fr", index.get("fr-armee").orElseThrow().language());
      assertEquals("en", index.get("en-army").orElseThrow().language());
      assertEquals("es-ES", index.get("es-brought").orElseThrow().language()); // shown as it was written
      assertEquals("Klingon", index.get("tlh").orElseThrow().language());
    }
  }

  // The example: German analysis makes "kind" find "Kinder"; English analysis never would.
  @Test
  void germanQueryFindsPluralsThroughGermanAnalysis() {
    try (NewsIndex index = mixed()) {
      assertEquals(Set.of("de-schule"), ids(index, "kind", "de"));
      assertEquals(Set.of("de-schule", "en-kind"), ids(index, "kind"));
      assertEquals(Set.of("en-kind"), ids(index, "kind", "en"));
      assertEquals(Set.of("de-schule"), ids(index, "schule", "German")); // a language's English name is its code
    }
  }

  // The example: "armée" finds "l’armée" (elision, curly apostrophe) and "armées" (plural).
  @Test
  void frenchQueryMatchesElisionsAndPlurals() {
    try (NewsIndex index = mixed()) {
      assertEquals(Set.of("fr-armee", "fr-armees"), ids(index, "armée", "fr"));
      assertEquals(Set.of("fr-armee", "fr-armees"), ids(index, "armee")); // without the accent, over every language
      assertEquals(Set.of("fr-armee", "fr-armees"), ids(index, "l'armée"));
      assertEquals(Set.of("fr-armee"), ids(index, "\"renforce sa présence\""));
    }
  }

  @Test
  void unknownLanguagesGetNeutralAnalysisThatFindsExactWords() {
    try (NewsIndex index = mixed()) {
      assertEquals(Set.of("tlh"), ids(index, "qapla'"));
      assertEquals(Set.of("tlh"), ids(index, "tlhingan", "und"));
      assertEquals(Set.of("es-brought"), ids(index, "alumno", "es")); // a brought es-ES is Spanish: alumnos
    }
  }

  @Test
  void searchWithoutLanguageCoversEveryLanguageWithFiltersFacetsAndHighlights() {
    try (NewsIndex index = mixed()) {
      assertEquals(Set.of("fr-armee", "fr-armees", "en-army"), ids(index, "armée OR army"));
      SearchResult r = index.search(NewsQuery.builder("armée OR army OR kind").facet(Facet.LANGUAGE).collapse(false).build());
      Map<String, Long> byLanguage = r.facets().get(Facet.LANGUAGE).stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
      assertEquals(Map.of("fr", 2L, "en", 2L, "de", 1L), byLanguage);
      Hit fr = r.hits().stream().filter(h -> h.id().equals("fr-armee")).findFirst().orElseThrow();
      assertEquals("[L’armée] renforce sa présence dans le nord", fr.headlineHighlight().mark("[", "]"));
      // exclusions and filters hold in every language
      assertEquals(Set.of("fr-armees"), ids(index, "armée -nord"));
      assertEquals(Set.of(), ids(index, "armée source:other.org"));
      // a query of only exclusions narrows every language
      assertEquals(7 - 2, ids(index, NewsQuery.builder("-armée").limit(50).collapse(false).build()).size());
    }
  }

  @Test
  void strictSyntaxSearchesEveryLanguageToo() {
    try (NewsIndex index = mixed()) {
      assertEquals(Set.of("fr-armee", "fr-armees", "en-army"),
          ids(index, NewsQuery.builder("armée OR army").syntax(Syntax.LUCENE).collapse(false).build()));
    }
  }

  @Test
  void anUnknownLanguageCodeIsRefusedWithWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewsQuery.builder("kind").language("xx").build());
    assertEquals("unknown language 'xx': expected an ISO 639 code such as en, de or fr", e.getMessage());
  }

  // Rule-based extraction reads English only: other languages keep what they brought and get nothing extracted.
  @Test
  void entitiesAreExtractedFromEnglishOnlyAndBroughtOnesAreKept() {
    try (NewsIndex index = NewsIndex.inMemory()) {
      Article de = article("de-merkel", null, "Angela Merkel besucht Paris",
          "Die frühere Bundeskanzlerin Angela Merkel traf am Dienstag den französischen Präsidenten in Paris.");
      Article deBrought = article("de-brought", "de", "Angela Merkel besucht Paris", "Die frühere Bundeskanzlerin traf den Präsidenten.")
          .withEntities(List.of(new Entity("Angela Merkel", EntityType.PERSON, List.of())));
      Article en = article("en-merkel", null, "Angela Merkel visits Paris",
          "The former German chancellor Angela Merkel met the French president in Paris on Tuesday.");
      index.upsertAll(List.of(de, deBrought, en));
      index.commit();
      assertEquals(List.of(), index.get("de-merkel").orElseThrow().entities());
      assertEquals(List.of("Angela Merkel"), index.get("de-brought").orElseThrow().entities().stream().map(Entity::name).toList());
      assertTrue(index.get("en-merkel").orElseThrow().entities().stream().anyMatch(e -> e.name().equals("Angela Merkel")));
      // and a brought entity is searchable in any language
      assertEquals(Set.of("de-brought", "en-merkel"), ids(index, NewsQuery.builder("").entities(List.of("Angela Merkel")).collapse(false).build()));
    }
  }
}
