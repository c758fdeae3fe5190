package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.cli.LedeCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede search --language} and the detected language in {@code show} (issue 18). */
class LanguageCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void indexArticlesInThreeLanguages() throws IOException {
    Path input = tmp.resolve("mixed.jsonl");
    Files.writeString(input, """
        {"id": "de-1", "title": "Schulen öffnen wieder", "text": "Nach den Ferien kehren die Kinder am Montag in die Klassen zurück, teilte das Ministerium mit."}
        {"id": "fr-1", "title": "L’armée renforce sa présence dans le nord", "text": "Le ministère de la Défense a annoncé l'envoi de renforts dans la région après les inondations."}
        {"id": "en-1", "title": "A kind gesture from the mayor", "text": "The mayor thanked the volunteers who cleaned the river banks on Saturday morning."}
        """);
    index = tmp.resolve("idx");
    Run r = LedeCliTest.run("--index", index.toString(), "-q", "index", input.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
  }

  static Run lede(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--index";
    all[1] = index.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return LedeCliTest.run(all);
  }

  static Set<String> ids(Run r) throws IOException {
    Set<String> ids = new HashSet<>();
    JSON.readTree(r.out()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void languageLimitsTheSearchAndItsAnalysis() throws IOException {
    Run de = lede("search", "kind", "--language", "de", "--format", "json");
    assertEquals(ExitCodes.OK, de.code(), de.err());
    assertEquals(Set.of("de-1"), ids(de));
    assertEquals(Set.of("de-1", "en-1"), ids(lede("search", "kind", "--format", "json")));
    assertEquals(Set.of("fr-1"), ids(lede("search", "armées", "--language", "fr,de", "--format", "json")));
  }

  @Test
  void showPrintsTheDetectedLanguageAndFacetsCountLanguages() throws IOException {
    Run show = lede("show", "de-1", "--format", "json");
    assertEquals(ExitCodes.OK, show.code(), show.err());
    assertEquals("de", JSON.readTree(show.out()).get("language").asText());
    JsonNode facets = JSON.readTree(lede("search", "", "--facets", "--format", "json").out()).get("facets").get("language");
    assertEquals(3, facets.size(), facets.toString());
  }

  @Test
  void anUnknownLanguageIsAUsageErrorThatSaysWhatWasExpected() {
    Run r = lede("search", "kind", "--language", "xx");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("unknown language 'xx': expected an ISO 639 code such as en, de or fr"), r.err());
  }
}
