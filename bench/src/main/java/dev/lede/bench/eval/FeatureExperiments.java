package dev.lede.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 16's ranking features on {@link FeatureLab}, every variant on TIME, Cranfield and CISI,
 * with the EnglishAnalyzer baseline and Lede's current field model in the same run.
 *
 * <pre>FeatureExperiments [--corpora DIR]</pre>
 *
 * <p>{@code -Dlede.variants=models} runs the scoring models instead ({@link #models()}), and
 * {@code -Dlede.variants=list:M1,M2,...} the models given ({@link #custom(String)}).
 */
public final class FeatureExperiments {
  private FeatureExperiments() {}

  static List<FeatureLab.Features> variants() {
    FeatureLab.Features n = FeatureLab.Features.none();
    FeatureLab.ProxField body = FeatureLab.ProxField.BODY;
    List<FeatureLab.Features> out = new ArrayList<>();
    out.add(n);
    // Sequential dependence: Metzler & Croft's 0.85/0.10/0.05 (ordered pairs, unordered windows of 8), as Anserini's SDM.
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, body));
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.ALL));
    out.add(n.proximity(1f, 0.10f, 0.05f, 8, body));
    out.add(n.proximity(1f, 0.05f, 0.025f, 8, body));
    // Bigram phrase boost alone (the ordered part), and the unordered window alone.
    out.add(n.proximity(1f, 0.10f, 0f, 8, body));
    out.add(n.proximity(1f, 0.20f, 0f, 8, body));
    out.add(n.proximity(1f, 0f, 0.10f, 8, body));
    // BM25 per field: b of the short title field; k1 and b of the text.
    out.add(n.titleB(0.3f));
    out.add(n.titleB(0.5f));
    for (String m : List.of("bm25 0.9 0.9", "bm25 1.5 0.9", "bm25 2.0 0.9", "bm25 1.2 1.0", "bm25 2.0 0.75")) {
      out.add(n.model(m));
    }
    // Other scoring models, for reference (Lede's BM25F work needs BM25).
    for (String m : List.of("lmd 1000", "dfr", "ib")) {
      out.add(n.model(m));
    }
    // RM3: Anserini's defaults (10 documents, 10 terms, original weight 0.5), with and without its
    // rule of skipping terms in more than 10 % of the documents, then a grid.
    out.add(n.feedback(10, 10, 0.5f, 0, 1f));
    out.add(n.feedback(10, 10, 0.5f, 0, 0.1f));
    out.add(n.feedback(10, 10, 0.5f, 7, 1f));
    for (int[] dt : new int[][] {{3, 10}, {3, 20}, {5, 10}, {5, 20}, {10, 10}, {10, 20}, {10, 30}, {20, 20}}) {
      for (float lambda : new float[] {0.7f, 0.8f}) {
        out.add(n.feedback(dt[0], dt[1], lambda, 0, 1f));
      }
    }
    // The chosen feedback with its guard, and combined with proximity.
    out.add(n.feedback(5, 20, 0.7f, 7, 1f));
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, body).feedback(5, 20, 0.7f, 7, 1f));
    out.add(n.proximity(1f, 0f, 0.05f, 8, body).feedback(5, 20, 0.7f, 7, 1f));
    out.add(n.model("dfr").feedback(5, 20, 0.7f, 7, 1f));
    return out;
  }

  /**
   * Scoring models and a document-length prior (2026-12-05, second round of issue 16): every model
   * Lucene ships, on the same catch-all + title field model, then the best with Lede's feedback.
   */
  static List<FeatureLab.Features> models() {
    FeatureLab.Features n = FeatureLab.Features.none();
    List<FeatureLab.Features> out = new ArrayList<>();
    out.add(n);
    out.add(n.feedback(5, 10, 0.7f, 7, 1f));
    for (String m : List.of("dfr", "dfr everywhere", "dfr ine b h2 0.5", "dfr ine b h2 2", "dfr ine b h2 4", "dfr ine b h2 7",
        "dfr in b h2", "dfr if b h2", "dfr g b h2", "dfr in l h2", "dfr g l h2", "dfr ine b h1", "dfr ine b h3 800",
        "dfr ine b z 0.3", "ib spl df h2", "ib ll ttf h2", "ib spl ttf h2", "ax f2exp", "ax f2log", "ax f1exp", "ax f1log",
        "dfi standardized", "dfi saturated", "dfi chisquared", "lmd 300", "lmd 2000", "lmjm 0.1", "lmjm 0.7",
        "bm25 prior 0.1", "bm25 prior 0.2", "bm25 prior 0.3", "dfr prior 0.1", "dfr prior 0.2")) {
      out.add(n.model(m));
    }
    return out;
  }

  /**
   * Models given on the command line, separated by commas; {@code +rm3} adds Lede's default
   * feedback (5 documents, 10 terms, 0.7, queries of 7 words or more), {@code +rm3@N} the same for
   * queries of N words or more, {@code +rm3:D/T/L} D documents, T terms and original weight L.
   */
  static List<FeatureLab.Features> custom(String list) {
    List<FeatureLab.Features> out = new ArrayList<>();
    for (String m : list.split(",")) {
      int at = m.indexOf("+rm3");
      FeatureLab.Features f = FeatureLab.Features.none().model(at >= 0 ? m.substring(0, at) : m);
      if (at >= 0 && m.startsWith("+rm3:", at)) { // +rm3:docs/terms/lambda, queries of 7 words or more
        String[] p = m.substring(at + 5).split("/");
        out.add(f.feedback(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Float.parseFloat(p[2]), 7, 1f));
        continue;
      }
      int minWords = at >= 0 && m.length() > at + 5 ? Integer.parseInt(m.substring(at + 5)) : 7;
      out.add(at >= 0 ? f.feedback(5, 10, 0.7f, minWords, 1f) : f);
    }
    return out;
  }

  public static void main(String[] args) {
    String set = System.getProperty("lede.variants", "features");
    Optional<Path> root = args.length >= 2 && args[0].equals("--corpora") ? Optional.of(Path.of(args[1])) : Corpora.locate();
    if (root.isEmpty()) {
      System.err.println("feature-experiments: no corpora folder: give --corpora DIR or -Dlede.corpora");
      System.exit(1);
    }
    List<TestCollection> cs = Corpora.COLLECTIONS.stream().map(c -> Corpora.read(root.get(), c)).toList();
    System.out.println("| settings | time MAP | time nDCG@10 | cranfield MAP | cranfield nDCG@10 | cisi MAP | cisi nDCG@10 | ms/query |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    List<FeatureLab.Features> all = new ArrayList<>();
    all.add(null);
    all.addAll(set.equals("models") ? models() : set.startsWith("list:") ? custom(set.substring(5)) : variants());
    for (FeatureLab.Features v : all) {
      StringBuilder sb = new StringBuilder("| " + (v == null ? "english (baseline)" : v.toString()) + " |");
      long nanos = 0;
      int queries = 0;
      for (TestCollection c : cs) {
        try (RetrievalSystem s = v == null ? LuceneBaseline.english() : new FeatureLab(v)) {
          long start = System.nanoTime();
          Metrics.Scores m = Experiments.score(s, c);
          nanos += System.nanoTime() - start;
          queries += c.judgedQueries().size();
          sb.append(String.format(Locale.ROOT, " %.4f | %.4f |", m.map(), m.ndcg10()));
        }
      }
      sb.append(String.format(Locale.ROOT, " %.1f |", nanos / 1e6 / queries));
      System.out.println(sb);
    }
    System.exit(0);
  }
}
