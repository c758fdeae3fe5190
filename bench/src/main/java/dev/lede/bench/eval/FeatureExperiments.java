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
 */
public final class FeatureExperiments {
  private FeatureExperiments() {}

  static List<FeatureLab.Features> variants() {
    FeatureLab.Features n = FeatureLab.Features.none();
    List<FeatureLab.Features> out = new ArrayList<>();
    out.add(n);
    if (System.getProperty("round3") != null) {
      out.add(n.feedback(10, 20, 0.8f, 3, 1f));
      out.add(n.feedback(10, 30, 0.8f, 0, 1f));
      out.add(n.feedback(10, 20, 0.9f, 0, 1f));
      out.add(n.feedback(5, 20, 0.8f, 0, 1f));
      out.add(n.feedback(10, 10, 0.7f, 0, 1f));
      out.add(n.feedback(10, 20, 0.7f, 0, 1f));
      out.add(n.feedback(20, 20, 0.8f, 0, 1f));
      out.add(n.proximity(1f, 0f, 0.05f, 8, FeatureLab.ProxField.BODY).feedback(10, 20, 0.8f, 0, 1f));
      out.add(n.model("dfr").feedback(10, 20, 0.8f, 0, 1f));
      out.add(n.model("dfr").feedback(10, 10, 0.5f, 0, 1f));
      return out;
    }
    if (System.getProperty("round2") != null) {
      for (String m : List.of("bm25 0.9 0.9", "bm25 1.5 0.9", "bm25 2.0 0.9", "bm25 1.2 1.0", "bm25 2.0 0.75", "lmd 500", "lmd 1000", "lmd 2000", "dfr", "ib")) {
        out.add(n.model(m));
      }
      out.add(n.feedback(10, 10, 0.8f, 0, 1f));
      out.add(n.feedback(10, 20, 0.8f, 0, 1f));
      out.add(n.feedback(3, 10, 0.5f, 0, 1f));
      out.add(n.feedback(3, 20, 0.7f, 0, 1f));
      out.add(n.feedback(5, 20, 0.7f, 0, 1f));
      out.add(n.feedback(10, 10, 0.5f, 0, 0.5f));
      return out;
    }
    // Sequential dependence (Metzler & Croft 2005 weights), ordered pairs and unordered windows of 8.
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.BODY));
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.ALL));
    out.add(n.proximity(1f, 0.10f, 0.05f, 8, FeatureLab.ProxField.BODY));
    out.add(n.proximity(1f, 0.05f, 0.025f, 8, FeatureLab.ProxField.BODY));
    // Bigram phrase boost alone (the ordered part).
    out.add(n.proximity(1f, 0.10f, 0f, 8, FeatureLab.ProxField.BODY));
    out.add(n.proximity(1f, 0.20f, 0f, 8, FeatureLab.ProxField.BODY));
    // Unordered window alone.
    out.add(n.proximity(1f, 0f, 0.10f, 8, FeatureLab.ProxField.BODY));
    // BM25 b for the short title field.
    out.add(n.titleB(0.3f));
    out.add(n.titleB(0.5f));
    // RM3 with Anserini's published defaults, then variants.
    out.add(n.feedback(10, 10, 0.5f, 0, 1f));
    out.add(n.feedback(10, 10, 0.5f, 0, 0.1f));
    out.add(n.feedback(10, 10, 0.7f, 0, 0.1f));
    out.add(n.feedback(10, 20, 0.7f, 0, 0.1f));
    out.add(n.feedback(5, 10, 0.7f, 0, 0.1f));
    out.add(n.feedback(10, 10, 0.5f, 5, 0.1f));
    out.add(n.feedback(10, 10, 0.5f, 8, 0.1f));
    // Combined.
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.BODY).feedback(10, 10, 0.5f, 0, 0.1f));
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.BODY).feedback(10, 10, 0.5f, 5, 0.1f));
    out.add(n.proximity(0.85f, 0.10f, 0.05f, 8, FeatureLab.ProxField.BODY).feedback(10, 10, 0.7f, 0, 0.1f));
    return out;
  }

  public static void main(String[] args) {
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
    all.addAll(variants());
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
