package dev.lede.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CISI collection: {@code CISI.ALL.gz}, {@code CISI.QRY}, {@code CISI.REL}.
 *
 * <p>Documents: title = {@code .T}, text = {@code .W} (authors and cross-references are not text a
 * reader searches). Queries: the {@code .W} statement only; the {@code .T}/{@code .A} of the 55
 * queries written from a source article describe that article, not the need. Judgments are binary
 * (grade 1); only 76 of the 112 queries have any, and only those are evaluated.
 */
public final class CisiReader {
  private CisiReader() {}

  /** Reads the collection from its folder. */
  public static TestCollection read(Path dir) {
    List<EvalDocument> docs = new ArrayList<>();
    for (SmartFormat.SmartRecord r : SmartFormat.parse(dir.resolve("CISI.ALL.gz"))) {
      docs.add(new EvalDocument(r.id(), r.field("T"), r.field("W")));
    }
    List<EvalQuery> queries = new ArrayList<>();
    for (SmartFormat.SmartRecord r : SmartFormat.parse(dir.resolve("CISI.QRY"))) {
      queries.add(new EvalQuery(r.id(), r.field("W")));
    }
    Path relFile = dir.resolve("CISI.REL");
    Qrels.Builder qrels = Qrels.builder();
    List<String> lines = TextFiles.lines(relFile);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] p = line.split("\\s+");
      if (p.length != 4) {
        throw new IllegalArgumentException(
            relFile + " line " + (i + 1) + ": expected 'qid docid 0 0.0', got \"" + line + "\"");
      }
      qrels.add(p[0], p[1], 1);
    }
    return new TestCollection("cisi", docs, queries, qrels.build());
  }
}
