package dev.lede.bench.eval;

import dev.lede.IndexOptions;
import dev.lede.NewsIndex;
import dev.lede.index.NewsAnalyzers;
import dev.lede.search.Ranking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lede itself under other settings, through {@link IndexOptions}: its stemmer and its {@link
 * Ranking} (field weights, dis-max tie breaker, phrase boosts, BM25). Prints MAP and nDCG@10 per
 * collection next to the EnglishAnalyzer baseline, to check the lab's findings on the real thing.
 *
 * <pre>LedeExperiments [--corpora DIR]</pre>
 */
public final class LedeExperiments {
  private LedeExperiments() {}

  /** One setting of Lede: a name for the table and the options. */
  record Variant(String name, IndexOptions options) {}

  static List<Variant> variants() {
    IndexOptions d = IndexOptions.defaults();
    Ranking r = d.ranking();
    List<Variant> out = new ArrayList<>();
    out.add(new Variant("defaults " + d.stemmer() + " " + r, d));
    for (NewsAnalyzers.Stemmer s : List.of(NewsAnalyzers.Stemmer.PORTER)) {
      out.add(new Variant(s + " " + r, d.withStemmer(s)));
    }
    IndexOptions p = d.withStemmer(NewsAnalyzers.Stemmer.PORTER);
    // Field weights as a sum (tie 1) with the headline at or below the body, no phrase boosts.
    for (float h : new float[] {1.0f, 0.5f, 0.25f}) {
      Ranking x = new Ranking(h, h, h, 1f, 0f, 0f, 1f, 1.2f, 0.75f);
      out.add(new Variant("PORTER " + x, p.withRanking(x)));
    }
    return out;
  }

  public static void main(String[] args) {
    Optional<Path> root = args.length == 2 && args[0].equals("--corpora") ? Optional.of(Path.of(args[1])) : Corpora.locate();
    if (root.isEmpty()) {
      System.err.println("lede-experiments: no corpora folder: give --corpora DIR or -Dlede.corpora");
      System.exit(1);
    }
    List<TestCollection> cs = Corpora.COLLECTIONS.stream().map(c -> Corpora.read(root.get(), c)).toList();
    System.out.println("| settings | time MAP | time nDCG@10 | cranfield MAP | cranfield nDCG@10 | cisi MAP | cisi nDCG@10 |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    List<Variant> all = new ArrayList<>();
    all.add(null);
    all.addAll(variants());
    for (Variant v : all) {
      StringBuilder sb = new StringBuilder("| " + (v == null ? "english (baseline)" : v.name()) + " |");
      for (TestCollection c : cs) {
        try (RetrievalSystem s = v == null ? LuceneBaseline.english() : new LedeSystem(v.name(), () -> NewsIndex.inMemory(v.options()))) {
          Metrics.Scores m = Experiments.score(s, c);
          sb.append(String.format(Locale.ROOT, " %.4f | %.4f |", m.map(), m.ndcg10()));
        }
      }
      System.out.println(sb);
    }
    System.exit(0);
  }
}
