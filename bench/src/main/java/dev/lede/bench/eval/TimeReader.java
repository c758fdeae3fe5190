package dev.lede.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the TIME magazine collection: {@code TIME.ALL.gz}, {@code TIME.QUE}, {@code TIME.qrels.trec}.
 *
 * <p>Document ids are the {@code *TEXT} numbers as written ({@code 017}), which is what
 * {@code TIME.qrels.trec} uses (the original {@code TIME.REL} counts positions instead; see the
 * collection's SOURCE.md). TIME has no headline field: each article opens with its section and
 * headline in capitals, run into the first sentence with no boundary marked. The whole article is
 * the text and the title is empty, as a user's headline-less articles would be indexed: an earlier
 * version took the first 8 words as the headline, a preparation no user makes (issue 16).
 */
public final class TimeReader {
  private TimeReader() {}

  /** Reads the collection from its folder. */
  public static TestCollection read(Path dir) {
    Path docFile = dir.resolve("TIME.ALL.gz");
    List<EvalDocument> docs = new ArrayList<>();
    String id = null;
    StringBuilder text = new StringBuilder();
    List<String> lines = TextFiles.lines(docFile);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("*TEXT")) {
        if (id != null) {
          docs.add(document(id, text.toString()));
        }
        String[] header = line.trim().split("\\s+");
        if (header.length < 2) {
          throw new IllegalArgumentException(docFile + " line " + (i + 1) + ": *TEXT header without a number");
        }
        id = header[1];
        text.setLength(0);
      } else if (line.startsWith("*STOP")) {
        break;
      } else if (!line.isBlank()) {
        if (id == null) {
          throw new IllegalArgumentException(docFile + " line " + (i + 1) + ": text before the first *TEXT header");
        }
        text.append(line.strip()).append(' ');
      }
    }
    if (id != null) {
      docs.add(document(id, text.toString()));
    }
    List<EvalQuery> queries = new ArrayList<>();
    Path queryFile = dir.resolve("TIME.QUE");
    String qid = null;
    StringBuilder q = new StringBuilder();
    for (String line : TextFiles.lines(queryFile)) {
      if (line.startsWith("*FIND")) {
        if (qid != null) {
          queries.add(new EvalQuery(qid, q.toString()));
        }
        qid = line.substring("*FIND".length()).strip();
        q.setLength(0);
      } else if (line.startsWith("*STOP")) {
        break;
      } else if (qid != null && !line.isBlank()) {
        q.append(line.strip()).append(' ');
      }
    }
    if (qid != null) {
      queries.add(new EvalQuery(qid, q.toString()));
    }
    return new TestCollection("time", docs, queries, Qrels.readTrec(dir.resolve("TIME.qrels.trec")));
  }

  static EvalDocument document(String id, String text) {
    return new EvalDocument(id, "", text.strip());
  }
}
