package dev.lede.prepare.entity;

import static dev.lede.prepare.entity.EntityExtractorTest.article;
import static dev.lede.prepare.entity.EntityExtractorTest.require;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * General causes of misses found on unseen news (issue 16): wire copy's datelines, hard-wrapped
 * lines, middle initials, "U.S." before a capitalised word, titles inside a run of names, legal forms
 * and the short forms of company names. Every name and sentence here is made up.
 */
class WireCopyEntityTest {
  private static final EntityExtractor RULES = EntityExtractor.defaults();

  private static boolean has(List<Entity> es, String name) {
    return es.stream().anyMatch(e -> e.name().equals(name));
  }

  // A town known to no list, named only in the dateline, came out as an acronym organisation.
  @Test
  void datelineInCapitalsIsAPlace() {
    List<Entity> es = RULES.extract(article("Plant to close",
        "BRELLSTOW, Ohio, March 24 - Harnick Tool said it would close its plant next year.\n"));
    require(es, "Brellstow", EntityType.PLACE);
    require(es, "Ohio", EntityType.PLACE);
    assertTrue(es.stream().noneMatch(e -> e.name().equals("BRELLSTOW") && e.type() == EntityType.ORGANIZATION), es.toString());
  }

  // Capitals that open an ordinary sentence are not a dateline.
  @Test
  void capitalsWithoutADashAreNoDateline() {
    List<Entity> es = RULES.extract(article("Vote", "QUORVEL, the new party, won three seats. Voters backed it in Karsby."));
    assertTrue(es.stream().noneMatch(e -> e.name().equalsIgnoreCase("Quorvel") && e.type() == EntityType.PLACE), es.toString());
  }

  // Wire copy wraps lines mid-sentence; "for Alan\nGreenway's" split a name in two.
  @Test
  void lineWrappedInsideASentenceKeepsTheName() {
    List<Entity> es = RULES.extract(article("Hearing",
        "No date had been set for Dorian\nPelham's confirmation hearing, the committee said on Tuesday.\n"));
    require(es, "Dorian Pelham", EntityType.PERSON);
  }

  // "James F. Walters Jr": the initial's dot ended a sentence and cut the name.
  @Test
  void middleInitialsStayInsideAName() {
    List<Entity> es = RULES.extract(article("Appointment",
        "The company named Osric T. Fennimore to head the unit. Fennimore will work from Karsby."));
    require(es, "Osric T. Fennimore", EntityType.PERSON);
  }

  // "the U.S. Agriculture Department said": the country is a mention, and no person "U.S. Agriculture".
  @Test
  void countryInitialismBeforeACapitalisedWordIsItsOwnMention() {
    List<Entity> es = RULES.extract(article("Exports",
        "The sale was approved by the U.S. Farming Department, officials said. Tariffs on U.S. Widgets rose, and the U.S. Treasury agreed."));
    require(es, "United States", EntityType.PLACE);
    require(es, "Farming Department", EntityType.ORGANIZATION);
    assertTrue(es.stream().noneMatch(e -> e.name().startsWith("U.S.")), es.toString());
    assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PERSON), es.toString());
  }

  // "Bank of Japan Governor Satoshi Sumita" was one organisation.
  @Test
  void titleInsideARunSplitsOrganisationFromPerson() {
    List<Entity> es = RULES.extract(article("Rates",
        "Bank of Karsk Governor Imre Zoltanek said rates would stay on hold."));
    require(es, "Imre Zoltanek", EntityType.PERSON);
    assertTrue(es.stream().noneMatch(e -> e.name().contains("Governor")), es.toString());
  }

  // "Xerox Corp ... Xerox said": one company, named without its legal form, and no person Xerox.
  @Test
  void legalFormStaysOutOfTheCanonicalNameAndShortFormsResolve() {
    List<Entity> es = RULES.extract(article("Results",
        "Brellmark Corp said its profit rose. Brellmark said sales of copiers grew.\n"
            + "Holvin Energy Partners said it was in talks. Holvin said a deal was near."));
    require(es, "Brellmark", EntityType.ORGANIZATION);
    require(es, "Holvin Energy Partners", EntityType.ORGANIZATION);
    assertTrue(es.stream().noneMatch(e -> e.type() == EntityType.PERSON), es.toString());
    assertTrue(!has(es, "Brellmark Corp") && !has(es, "Holvin"), es.toString());
  }

  // "net monitoring firm Netcraft ... Netcraft said": a company, not a person.
  @Test
  void nounOfCompaniesBeforeANameMakesItAnOrganisation() {
    List<Entity> es = RULES.extract(article("Traffic",
        "The outage was spotted by monitoring firm Trevalink. Japan carmaker Osuko will open a plant, and a company called Vemrix helped."));
    require(es, "Trevalink", EntityType.ORGANIZATION);
    require(es, "Osuko", EntityType.ORGANIZATION);
    require(es, "Vemrix", EntityType.ORGANIZATION);
  }

  // "Amicus and the Transport Workers Union" is two organisations, not one.
  @Test
  void andTheSplitsTwoNames() {
    List<Entity> es = RULES.extract(article("Merger",
        "The move by Quellix and the Transit and General Porters Union would create a larger union."));
    require(es, "Transit and General Porters Union", EntityType.ORGANIZATION);
    assertTrue(es.stream().noneMatch(e -> e.name().startsWith("Quellix and")), es.toString());
  }

  // "a Florence, Italy-based distributor": the place is Italy, not "Italy-based".
  @Test
  void nameBeforeBasedOrBackedIsTheName() {
    List<Entity> es = RULES.extract(article("Deal",
        "Harnick bought a Norway-based maker of valves. A Chile-backed plan failed, and Kim Jong-un said nothing."));
    assertTrue(has(es, "Norway") && has(es, "Chile"), es.toString());
    assertTrue(es.stream().noneMatch(e -> e.name().endsWith("-based") || e.name().endsWith("-backed")), es.toString());
    assertTrue(has(es, "Kim Jong-un"), es.toString());
  }

  // "Mariano Rubio ... Rubio said" was Marco Rubio, the gazetteer's Rubio.
  @Test
  void articlesOwnFullNameBeatsAKnownShortForm() {
    List<Entity> es = RULES.extract(article("Rates",
        "Bank of Karsk governor Orlen Putin said rates would stay on hold.\n    Putin said inflation was falling."));
    require(es, "Orlen Putin", EntityType.PERSON);
    assertTrue(!has(es, "Vladimir Putin"), es.toString());
  }

  // "AT PANAMA CANAL" in a headline became the "Panama Canal Commission" named in the body.
  @Test
  void leadingWordsThatStartWithAKnownNameStayTheirOwn() {
    List<Entity> es = RULES.extract(article("SHIPS WAIT AT NORWAY FJORD",
        "The Norway Fjord Authority said 30 ships were waiting."));
    require(es, "Norway", EntityType.PLACE);
  }
}
