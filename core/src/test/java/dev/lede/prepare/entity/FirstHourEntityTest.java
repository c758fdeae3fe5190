package dev.lede.prepare.entity;

import static dev.lede.prepare.entity.EntityExtractorTest.article;
import static dev.lede.prepare.entity.EntityExtractorTest.find;
import static dev.lede.prepare.entity.EntityExtractorTest.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entities a reader would call wrong in top hits (issue 15, item 5) and names seen only at sentence
 * starts (issue 16). Every name is made up.
 */
class FirstHourEntityTest {
  private static final EntityExtractor RULES = EntityExtractor.defaults();

  // Football clubs were people: "Brackley United" is shaped like a first and last name.
  @Test
  void footballClubsAreOrganisations() {
    List<Entity> es = RULES.extract(article("Cup tie",
        "Brackley United beat Dunmore Rovers 2-1 on Saturday, and FC Varnow lost at home to Stellan Wanderers."));
    require(es, "Brackley United", EntityType.ORGANIZATION);
    require(es, "Dunmore Rovers", EntityType.ORGANIZATION);
    require(es, "Stellan Wanderers", EntityType.ORGANIZATION);
    require(es, "FC Varnow", EntityType.ORGANIZATION);
  }

  // A storm's name is not a person, even where it "said" nothing but hit something.
  @Test
  void namedStormsAreNotPeople() {
    List<Entity> es = RULES.extract(article("Storm",
        "Hurricane Delvina made landfall on Tuesday. Forecasters said Delvina would weaken. Storm Orrick and Typhoon Pelmar followed."));
    require(es, "Hurricane Delvina", EntityType.OTHER);
    require(es, "Storm Orrick", EntityType.OTHER);
    require(es, "Typhoon Pelmar", EntityType.OTHER);
    assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PERSON), es.toString());
  }

  // "in Sept" or "in mid-March" is a date, not a place.
  @Test
  void dateFragmentsAreNeverPlaces() {
    List<Entity> es = RULES.extract(article("Dates",
        "The plant in Karsby closes in Sept 2026. Work began in Mid-March and ends in Jan. Talks resume in Early April."));
    require(es, "Karsby", EntityType.PLACE);
    assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PLACE && !e.name().equals("Karsby")), es.toString());
  }

  // German sentences read as English rules gave capitalised nouns as people (issue 15, item 5).
  @Test
  void textThatIsNotEnglishGivesNoEntities() {
    String german = "Die Regierung hat am Montag neue Regeln für Energiepreise beschlossen. Der Minister sagte, die Kosten "
        + "würden sinken. Viele Haushalte zahlen seit dem Winter deutlich mehr für Strom und Gas, und die Opposition "
        + "fordert schnellere Hilfen für Familien.";
    assertEquals(List.of(), RULES.extract(article("Neue Regeln für Energiepreise", german)));
    Article marked = Article.builder().id("t").headline("Kurz").body("Anna Berger und Tom Keller trafen sich.").language("de").build();
    assertEquals(List.of(), RULES.extract(marked));
    // A table of figures has few function words of any language: still English, still read.
    List<Entity> figures = RULES.extract(article("Results",
        "Quarterly figures from Varnow Holdings Inc: Shr 12 cts vs 10 cts. Net 4.5 mln vs 3.2 mln. Revs 40.1 mln vs 38.7 mln. Nine mths shr 30 cts vs 28 cts."));
    require(figures, "Varnow Holdings", EntityType.ORGANIZATION);
  }

  // Issue 16: an unknown word, repeated at sentence starts with a possessive or a verb after it, is a name.
  @Test
  void unknownNameSeenOnlyAtSentenceStartsIsFound() {
    List<Entity> es = RULES.extract(article("New plant opens",
        "Kestrix’s new plant opens next month near the coast. Kestrix’s factory will employ 400 people. "
            + "Kestrix has bet heavily on batteries."));
    require(es, "Kestrix", EntityType.ORGANIZATION);
    List<Entity> second = RULES.extract(article("Results", "Kestrix said its sales rose. Profit fell at the start of the year."));
    assertTrue(find(second, "Kestrix").isPresent(), second.toString());
    // An ordinary word the article also writes in lower case stays a word; so does a plural before "said".
    // (Lede has no dictionary: a word like "Rain" only at sentence starts, with this evidence, would be taken.)
    List<Entity> plain = RULES.extract(article("Weather",
        "Rain’s effect was small. Rain has fallen for days, and more rain is due. Witnesses said the river rose."));
    assertFalse(find(plain, "Rain").isPresent(), plain.toString());
    assertFalse(find(plain, "Witnesses").isPresent(), plain.toString());
  }
}
