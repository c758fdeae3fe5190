package dev.lede.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexAndSearchExampleTest {
  @Test
  void exampleFiltersBySourceAndCountsTheFacet(@TempDir Path dir) {
    assertEquals(List.of("[Rail strike] ends after pay deal (example-news.org)", "example-news.org: 1"),
        IndexAndSearchExample.run(dir.resolve("news-index")));
  }

  /** The README shows this example; the two must not drift apart. */
  @Test
  void readmeQuotesTheExampleVerbatim() throws Exception {
    Path readme = Path.of("..", "README.md");
    String source = Files.readString(Path.of("src/test/java/dev/lede/examples/IndexAndSearchExample.java"));
    String body = source.substring(source.indexOf("// README:begin\n") + 16, source.indexOf("    // README:end"));
    String dedented = body.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    assertTrue(Files.readString(readme).contains(dedented), "README.md must contain the example:\n" + dedented);
  }
}
