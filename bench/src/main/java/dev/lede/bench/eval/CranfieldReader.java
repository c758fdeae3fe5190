package dev.lede.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Cranfield 1400 collection: {@code cran.all.1400.gz}, {@code cran.qry}, {@code cranqrel}.
 *
 * <p>Documents: title = {@code .T}, text = {@code .W} (the abstract, which itself opens with the
 * title). Queries are numbered by their position in {@code cran.qry} (1 to 225), because that is how
 * {@code cranqrel} refers to them; the {@code .I} numbers of {@code cran.qry} have gaps.
 *
 * <p>Grades: {@code cranqrel} codes run backwards (1 = complete answer … 4 = minimum interest); the
 * grade is {@code 5 - code}, so 4, 3, 2, 1, and every code outside 1–4 (the unexplained -1, and 5 =
 * no interest) is grade 0, not relevant. MAP and P@10 therefore count codes 1–4 as relevant.
 */
public final class CranfieldReader {
  private CranfieldReader() {}

  /** Reads the collection from its folder. */
  public static TestCollection read(Path dir) {
    List<EvalDocument> docs = new ArrayList<>();
    for (SmartFormat.SmartRecord r : SmartFormat.parse(dir.resolve("cran.all.1400.gz"))) {
      docs.add(new EvalDocument(r.id(), r.field("T"), r.field("W")));
    }
    List<EvalQuery> queries = new ArrayList<>();
    for (SmartFormat.SmartRecord r : SmartFormat.parse(dir.resolve("cran.qry"))) {
      queries.add(new EvalQuery(String.valueOf(queries.size() + 1), r.field("W")));
    }
    Path qrelFile = dir.resolve("cranqrel");
    Qrels.Builder qrels = Qrels.builder();
    List<String> lines = TextFiles.lines(qrelFile);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] p = line.split("\\s+");
      String where = qrelFile + " line " + (i + 1);
      if (p.length != 3) {
        throw new IllegalArgumentException(where + ": expected 'qid docid code', got \"" + line + "\"");
      }
      qrels.add(p[0], p[1], gradeOf(Qrels.parseGrade(p[2], where)));
    }
    return new TestCollection("cranfield", docs, queries, qrels.build());
  }

  /** Maps a Cranfield relevance code to a gain: 1→4, 2→3, 3→2, 4→1, anything else → 0. */
  static int gradeOf(int code) {
    return code >= 1 && code <= 4 ? 5 - code : 0;
  }
}
