package dev.lede.prepare.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.BadInputException;
import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

  @Test
  void builtInKnowsCountriesCitiesOrganisationsAndPeople() {
    Gazetteer g = Gazetteer.builtIn();
    assertEquals("North Korea", g.lookup("DPRK").orElseThrow().canonical());
    assertEquals("United Kingdom", g.lookup("Britain").orElseThrow().canonical());
    assertEquals(EntityType.PLACE, g.lookup("Kyiv").orElseThrow().type());
    assertEquals("European Central Bank", g.lookup("ECB").orElseThrow().canonical());
    assertEquals("Federal Reserve", g.lookup("Fed").orElseThrow().canonical());
    assertEquals("Kim Jong-un", g.lookup("Kim Jong Un").orElseThrow().canonical());
    assertEquals("Vladimir Putin", g.lookup("Putin’s").orElseThrow().canonical());
  }

  @Test
  void capitalisedAliasOnlyMatchesCapitals() {
    Gazetteer g = Gazetteer.builtIn();
    assertTrue(g.lookup("WHO").isPresent());
    assertTrue(g.lookup("Who").isEmpty());
    assertTrue(g.lookup("us").isEmpty());
  }

  @Test
  void userGazetteerOverridesBuiltInAlias(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.tsv");
    Files.writeString(
        file, "# our desk's names\nUnited States Army\tORG\tUS\nAcme Widgets\tORGANIZATION\tAcme\tAW\n", java.nio.charset.StandardCharsets.UTF_8);
    EntityPreparer preparer = EntityPreparer.builder().userGazetteer(file).build();
    assertEquals("United States Army", preparer.gazetteer().lookup("US").orElseThrow().canonical());
    // "U.S." and "US" share one key, so the override takes both; the other aliases stay.
    assertEquals("United States", preparer.gazetteer().lookup("America").orElseThrow().canonical());
    Article a = Article.builder().id("x").headline("Contract").body("The US awarded Acme a contract.").build();
    List<Entity> es = preparer.prepare(a).entities();
    assertTrue(es.stream().anyMatch(e -> e.name().equals("United States Army") && e.type() == EntityType.ORGANIZATION), es.toString());
    assertTrue(es.stream().anyMatch(e -> e.name().equals("Acme Widgets")), es.toString());
  }

  @Test
  void malformedLineIsReportedWithFileAndLine() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> Gazetteer.parse("Good\tPLACE\nBad name\tPLANET\n", "mine.tsv"));
    assertEquals("mine.tsv line 2: unknown type \"PLANET\"; expected PERSON, ORGANIZATION, PLACE or OTHER", e.getMessage());
    BadInputException noType = assertThrows(BadInputException.class, () -> Gazetteer.parse("\n\nLonely\n", "g.tsv"));
    assertEquals("g.tsv line 3: 'Lonely' has no type; expected name<TAB>type<TAB>aliases...", noType.getMessage());
  }
}
