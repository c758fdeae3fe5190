package dev.lede.bench.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Run} in the TREC run format read by {@code trec_eval}: one line per retrieved
 * document, {@code qid Q0 docid rank score tag}, ranks from 1.
 */
public final class TrecRunWriter {
  private TrecRunWriter() {}

  /** Writes every ranking of the run, queries in run order. */
  public static void write(Run run, Writer out) throws IOException {
    String tag = run.tag().isBlank() ? "run" : run.tag().replaceAll("\\s+", "_");
    for (Map.Entry<String, List<ScoredDoc>> e : run.rankings().entrySet()) {
      int rank = 1;
      for (ScoredDoc d : e.getValue()) {
        // trec_eval re-sorts by score and breaks ties by doc id, so on tied scores its ranks may
        // differ from ours; our own metrics use the order of the list, which is the system's.
        out.write(e.getKey() + " Q0 " + d.docId() + " " + rank + " "
            + String.format(Locale.ROOT, "%.6f", d.score()) + " " + tag + "\n");
        rank++;
      }
    }
    out.flush();
  }
}
