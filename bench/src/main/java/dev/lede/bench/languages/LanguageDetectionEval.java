package dev.lede.bench.languages;

import dev.lede.article.Article;
import dev.lede.prepare.LanguageDetector;
import dev.lede.read.ArticleInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Language detection on news (docs/languages.md): accuracy on a labelled set of short news texts by
 * length and kind, what each confidence threshold would give, and the cost per article.
 *
 * <pre>
 * ./mvnw -q -B -o -pl bench -am package -DskipTests -Pevaluate \
 *   -Deval.main=dev.lede.bench.languages.LanguageDetectionEval \
 *   -Deval.args="../core/src/test/resources/languages/labelled-news.tsv /work/shared/corpora/bbc/bbc.jsonl.gz"
 * </pre>
 *
 * The first argument is the labelled set (language, kind, text per line); the optional second is a
 * news files whose articles time detection as ingest runs it (headline, lead, start of the body)
 * and say which languages it finds in them.
 */
public final class LanguageDetectionEval {
  private record Labelled(String language, String kind, String text) {}

  public static void main(String[] args) throws IOException {
    List<Labelled> set = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 3);
      set.add(new Labelled(f[0], f[1], f[2]));
    }
    LanguageDetector detector = new LanguageDetector();
    long t0 = System.nanoTime();
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    detector.detection("warm up the profiles");
    System.out.printf(Locale.ROOT, "profiles loaded in %.0f ms CPU (%.0f ms elapsed)%n",
        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e6, (System.nanoTime() - t0) / 1e6);

    // Accuracy by kind and length, at the chosen threshold.
    Map<String, int[]> byBucket = new TreeMap<>(); // right, wrong, unsure
    List<String> errors = new ArrayList<>();
    double[] thresholds = {0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.9999};
    int[][] atThreshold = new int[thresholds.length][3];
    for (Labelled l : set) {
      LanguageDetector.Detection d = detector.detection(l.text());
      String best = String.valueOf(d.code());
      for (int i = 0; i < thresholds.length; i++) {
        int k = d.confidence() < thresholds[i] ? 2 : l.language().equals(best) ? 0 : 1;
        atThreshold[i][k]++;
      }
      int k = !d.sure() ? 2 : d.code().equals(l.language()) ? 0 : 1;
      for (String bucket : List.of(l.kind(), bucket(l.text().length()), "all")) {
        byBucket.computeIfAbsent(bucket, b -> new int[3])[k]++;
      }
      if (k != 0) {
        errors.add(String.format(Locale.ROOT, "  %s %-7s -> %-4s (%.3f) %s", l.language(), k == 1 ? "wrong" : "unsure",
            best, d.confidence(), l.text()));
      }
    }
    System.out.printf(Locale.ROOT, "%nat the threshold of %.2f (%d texts):%n%-22s %6s %6s %6s %9s%n", LanguageDetector.MIN_CONFIDENCE,
        set.size(), "texts", "right", "wrong", "unsure", "accuracy");
    byBucket.forEach((b, c) -> System.out.printf(Locale.ROOT, "%-22s %6d %6d %6d %8.1f%%%n", b, c[0], c[1], c[2],
        100.0 * c[0] / (c[0] + c[1] + c[2])));
    System.out.println("\nnot right:");
    errors.forEach(System.out::println);
    System.out.printf("%nby threshold (all %d texts): right / wrong / unsure%n", set.size());
    for (int i = 0; i < thresholds.length; i++) {
      System.out.printf(Locale.ROOT, "  >= %-6s %4d %4d %4d%n", thresholds[i], atThreshold[i][0], atThreshold[i][1], atThreshold[i][2]);
    }

    if (args.length > 1) {
      for (int i = 1; i < args.length; i++) {
        List<Article> articles = ArticleInputs.readAll(Path.of(args[i]));
        System.out.printf("%n%s%n", args[i]);
        cost(detector, articles, true);
        if (i == 1) {
          cost(detector, articles, false);
          prepareCost(articles);
        }
      }
    }
  }

  private static void cost(LanguageDetector detector, List<Article> articles, boolean sample) {
    Map<String, Integer> found = new TreeMap<>();
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int run = 0; run < 5; run++) {
      long t = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      for (Article a : articles) {
        String code = sample ? detector.detect(a.headline(), a.lead(), a.body())
            : sureCode(detector.detection(a.headline() + ". " + a.lead() + ". " + a.body()));
        if (run == 0) {
          found.merge(String.valueOf(code), 1, Integer::sum);
        }
      }
      best = Math.min(best, System.nanoTime() - t);
      bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
    }
    System.out.printf(Locale.ROOT, "%s: %d articles, best of 5 runs %.1f µs CPU (%.1f µs elapsed) per article; found %s%n",
        sample ? "start of each article (as ingest does)" : "whole article", articles.size(), bestCpu / 1e3 / articles.size(),
        best / 1e3 / articles.size(), found);
  }

  /** The whole prepare stage (clean-up, language, entities) per article, with and without detection, alternated. */
  private static void prepareCost(List<Article> articles) {
    dev.lede.prepare.Preparer with = dev.lede.prepare.Preparer.defaults();
    dev.lede.prepare.Preparer without = dev.lede.prepare.Preparer.builder().language(null).build();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    for (int run = 0; run < 5; run++) {
      for (int side = 0; side < 2; side++) {
        dev.lede.prepare.Preparer p = side == 0 ? without : with;
        long cpu = threads.getCurrentThreadCpuTime();
        for (Article a : articles) {
          p.prepare(a);
        }
        best[side] = Math.min(best[side], threads.getCurrentThreadCpuTime() - cpu);
      }
    }
    System.out.printf(Locale.ROOT, "prepare stage, best of 5 alternated runs: %.1f µs CPU per article without detection, %.1f with (+%.0f%%)%n",
        best[0] / 1e3 / articles.size(), best[1] / 1e3 / articles.size(), 100.0 * (best[1] - best[0]) / best[0]);
  }

  private static String sureCode(LanguageDetector.Detection d) {
    return d.sure() ? d.code() : null;
  }

  private static String bucket(int chars) {
    return chars < 30 ? "length <30" : chars < 60 ? "length 30-59" : chars < 150 ? "length 60-149" : "length >=150";
  }
}
