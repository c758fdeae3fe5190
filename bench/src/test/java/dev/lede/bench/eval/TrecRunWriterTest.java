package dev.lede.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrecRunWriterTest {
  @Test
  void writesSixColumnsWithRanksFromOneInQueryOrder() throws Exception {
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    rankings.put("2", List.of(new ScoredDoc("017", 12.5f), new ScoredDoc("024", 3.25f)));
    rankings.put("10", List.of(new ScoredDoc("5", 1f)));
    StringWriter out = new StringWriter();
    TrecRunWriter.write(new Run("lede default", rankings), out);
    assertEquals("""
        2 Q0 017 1 12.500000 lede_default
        2 Q0 024 2 3.250000 lede_default
        10 Q0 5 1 1.000000 lede_default
        """, out.toString());
  }
}
