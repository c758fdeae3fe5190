package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Evaluate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void unknownSystemIsBadUsage() {
    assertEquals(2, run("--system", "bm42"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("evaluate: unknown system 'bm42'"), err::toString);
  }

  @Test
  void unknownCollectionIsBadUsage() {
    assertEquals(2, run("--collection", "trec8"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("evaluate: unknown collection 'trec8'"), err::toString);
  }

  @Test
  void optionWithoutValueIsBadUsage() {
    assertEquals(2, run("--system"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: Evaluate"), err::toString);
  }

  @Test
  void tableHasOneRowPerSystemAndThreeColumnsPerCollection() {
    String table = Evaluate.format(
        Map.of("english", Map.of("time", new Metrics.Scores(0.5, 0.25, 0.125, 3))), List.of("time", "cisi"));
    assertEquals("""
        | system | time MAP | time nDCG@10 | time P@10 | cisi MAP | cisi nDCG@10 | cisi P@10 |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: |
        | english | 0.5000 | 0.2500 | 0.1250 | n/a | n/a | n/a |
        """, table);
  }
}
