package dev.lede.bench.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The experiments behind Lede's ranking defaults, on {@link LabSystem} over TIME, Cranfield and CISI.
 *
 * <p>Coordinate ascent, one factor at a time, in a fixed order: stemmer, stop words, title weight,
 * BM25 k1 and b, proximity boost, pseudo-relevance feedback. Each stage keeps the value with the best
 * <em>robustness score</em>: the mean over the three collections of MAP relative to the EnglishAnalyzer
 * baseline, so that a gain on one collection cannot buy a loss on another of the same size. A
 * value wins only by more than {@value #MIN_GAIN} of that score; otherwise the simpler or cheaper
 * setting (listed first) stays. Prints every row, so the choice can be checked by eye.
 *
 * <pre>Experiments [--corpora DIR]</pre>
 */
public final class Experiments {
  /** The least improvement of the robustness score that changes a setting: 0.5 %. */
  static final double MIN_GAIN = 0.005;

  private final List<TestCollection> collections;
  private final Map<String, Double> baselineMap = new LinkedHashMap<>();
  private final PrintStream out;

  private Experiments(List<TestCollection> collections, PrintStream out) {
    this.collections = collections;
    this.out = out;
  }

  public static void main(String[] args) {
    Optional<Path> root = args.length == 2 && args[0].equals("--corpora") ? Optional.of(Path.of(args[1])) : Corpora.locate();
    if (root.isEmpty()) {
      System.err.println("experiments: no corpora folder: give --corpora DIR or -Dlede.corpora");
      System.exit(1);
    }
    List<TestCollection> cs = Corpora.COLLECTIONS.stream().map(c -> Corpora.read(root.get(), c)).toList();
    new Experiments(cs, System.out).runAll();
    System.exit(0);
  }

  private void runAll() {
    for (TestCollection c : collections) {
      try (RetrievalSystem english = LuceneBaseline.english()) {
        baselineMap.put(c.name(), score(english, c).map());
      }
    }
    out.println(header());
    LabSettings best = LabSettings.base();
    best = stage("stemmer", best, List.of(
        best.withStemmer(LabSettings.Stemmer.PORTER),
        best.withStemmer(LabSettings.Stemmer.NONE),
        best.withStemmer(LabSettings.Stemmer.MINIMAL),
        best.withStemmer(LabSettings.Stemmer.KSTEM)));
    best = stage("stop words", best, List.of(best.withStopWords(true), best.withStopWords(false)));
    best = stage("title weight", best, variants(best, List.of(1f, 1.5f, 2f, 3f), best::withTitleWeight));
    List<LabSettings> bm25 = new ArrayList<>();
    bm25.add(best);
    for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.5f, 2.0f}) {
      for (float b : new float[] {0.3f, 0.5f, 0.75f, 0.9f}) {
        if (k1 != best.k1() || b != best.b()) {
          bm25.add(best.withBm25(k1, b));
        }
      }
    }
    best = stage("BM25 k1/b", best, bm25);
    best = stage("proximity", best, variants(best, List.of(0f, 0.1f, 0.2f, 0.4f), best::withProximity));
    LabSettings noFeedback = best;
    best = stage("feedback", best, List.of(
        noFeedback,
        noFeedback.withFeedback(5, 10, 0.7f),
        noFeedback.withFeedback(10, 10, 0.5f),
        noFeedback.withFeedback(10, 20, 0.5f),
        noFeedback.withFeedback(10, 20, 0.7f),
        noFeedback.withFeedback(20, 30, 0.6f)));
    out.println();
    out.println("chosen: " + best);
  }

  private static List<LabSettings> variants(LabSettings keep, List<Float> values, Function<Float, LabSettings> with) {
    List<LabSettings> out = new ArrayList<>();
    out.add(keep);
    values.stream().map(with).filter(s -> !s.equals(keep)).forEach(out::add);
    return out;
  }

  /** Runs each candidate; the first one (the incumbent) is replaced only by a clear winner. */
  private LabSettings stage(String name, LabSettings incumbent, List<LabSettings> candidates) {
    LabSettings best = incumbent;
    double bestScore = Double.NEGATIVE_INFINITY;
    double incumbentScore = Double.NaN;
    for (LabSettings s : candidates) {
      double robust = row(name, s);
      if (s.equals(incumbent)) {
        incumbentScore = robust;
      }
      if (robust > bestScore) {
        bestScore = robust;
        best = s;
      }
    }
    return bestScore > incumbentScore + MIN_GAIN ? best : incumbent;
  }

  private double row(String stage, LabSettings s) {
    StringBuilder sb = new StringBuilder("| " + stage + " | " + s + " |");
    double relative = 0;
    for (TestCollection c : collections) {
      Metrics.Scores m;
      try (RetrievalSystem sys = new LabSystem(s)) {
        m = score(sys, c);
      }
      relative += m.map() / baselineMap.get(c.name());
      sb.append(String.format(Locale.ROOT, " %.4f | %.4f |", m.map(), m.ndcg10()));
    }
    relative /= collections.size();
    sb.append(String.format(Locale.ROOT, " %.4f |", relative));
    out.println(sb);
    return relative;
  }

  private String header() {
    StringBuilder h = new StringBuilder("| stage | settings |");
    StringBuilder r = new StringBuilder("| --- | --- |");
    for (TestCollection c : collections) {
      h.append(' ').append(c.name()).append(" MAP | ").append(c.name()).append(" nDCG@10 |");
      r.append(" ---: | ---: |");
    }
    return h.append(" MAP / english |").append('\n').append(r).append(" ---: |").toString();
  }

  private static Metrics.Scores score(RetrievalSystem system, TestCollection c) {
    Run run = RetrievalSystem.run(system, c);
    return Metrics.evaluate(run, c.qrels(), c.judgedQueries().stream().map(EvalQuery::id).toList());
  }
}
