package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.cli.LedeCliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede suggest} (issue 18): the JSON contract, exit codes, and entities before headlines. */
class SuggestCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void indexTheSampleCorpus() {
    index = tmp.resolve("idx");
    LedeCliTest.run("--index", index.toString(), "-q", "index", Path.of("..", "sample-corpus").toString());
  }

  static Run suggest(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--index";
    all[1] = index.toString();
    all[2] = "suggest";
    System.arraycopy(args, 0, all, 3, args.length);
    return LedeCliTest.run(all);
  }

  @Test
  void entitiesComeBeforeHeadlinesInTheJson() throws Exception {
    Run r = suggest("kim", "--format", "json");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode o = JSON.readTree(r.out());
    assertEquals("kim", o.get("prefix").asText());
    JsonNode first = o.get("suggestions").get(0);
    assertEquals("entity", first.get("kind").asText());
    assertEquals("Kim Jong-un", first.get("text").asText());
    assertEquals("PERSON", first.get("type").asText());
    assertTrue(first.get("articles").asInt() >= 1);
    boolean headline = false;
    for (JsonNode s : o.get("suggestions")) {
      headline |= s.get("kind").asText().equals("headline") && s.hasNonNull("id");
    }
    assertTrue(headline, o.toString());
  }

  @Test
  void nothingToSuggestIsExitOneAndABadLimitIsAUsageError() {
    assertEquals(ExitCodes.NOTHING_FOUND, suggest("zzqqxx").code());
    assertEquals(ExitCodes.USAGE, suggest("kim", "--limit", "0").code());
  }
}
