package dev.lede.bench.eval;

import dev.lede.search.Feedback;
import dev.lede.search.Ranking;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Measures ranking quality: indexes each chosen collection with each chosen system, runs the judged
 * queries, and prints MAP, nDCG@10 and P@10 side by side.
 *
 * <pre>
 * Evaluate [--collection time|cranfield|cisi|all] [--system lucene-demo|english|lab-chosen|lede|...|all, or several with commas]
 *          [--run-file out.trec] [--corpora DIR]
 * </pre>
 *
 * <p>With one collection and one system, {@code --run-file} is written as given; otherwise one file
 * per pair, named {@code out.<collection>.<system>.trec}.
 */
public final class Evaluate {
  /** The systems by name, in table order. */
  static final Map<String, Supplier<RetrievalSystem>> SYSTEMS = new LinkedHashMap<>();

  static {
    SYSTEMS.put("lucene-demo", LuceneBaseline::luceneDemo);
    SYSTEMS.put("english", LuceneBaseline::english);
    // The experiments' choice in plain Lucene: what Lede's defaults are meant to reproduce.
    SYSTEMS.put("lab-chosen", () -> new LabSystem("lab-chosen", LabSettings.chosen()));
    SYSTEMS.put("lede", LedeSystem::defaults);
    // Issue 16: Lede's pseudo-relevance feedback off, and other settings of it, through the public API.
    SYSTEMS.put("lede-no-feedback", () -> LedeSystem.withFeedback("lede-no-feedback", Feedback.OFF));
    SYSTEMS.put("lede-rm3-anserini", () -> LedeSystem.withFeedback("lede-rm3-anserini", new Feedback(10, 10, 0.5f, 0)));
    SYSTEMS.put("lede-rm3-anserini-guarded", () -> LedeSystem.withFeedback("lede-rm3-anserini-guarded", new Feedback(10, 10, 0.5f, 7)));
    SYSTEMS.put("lede-rm3-unguarded", () -> LedeSystem.withFeedback("lede-rm3-unguarded",
        new Feedback(Feedback.defaults().docs(), Feedback.defaults().terms(), Feedback.defaults().originalWeight(), 0)));
    // Issue 16, second round: Lede with BM25 instead of its default DFR scoring, feedback on and off.
    SYSTEMS.put("lede-bm25", () -> LedeSystem.withRanking("lede-bm25", Ranking.defaults().withModel(Ranking.Model.BM25), null));
    SYSTEMS.put("lede-bm25-no-feedback", () -> LedeSystem.withRanking("lede-bm25-no-feedback",
        Ranking.defaults().withModel(Ranking.Model.BM25), Feedback.OFF));
    // Semantic search (docs/semantic.md): one index with vectors per collection, three modes.
    SYSTEMS.put("lede-lexical", () -> new LedeSemanticSystem("lede-lexical", dev.lede.search.SearchMode.LEXICAL,
        dev.lede.search.Fusion.defaults()));
    SYSTEMS.put("lede-semantic", () -> new LedeSemanticSystem("lede-semantic", dev.lede.search.SearchMode.SEMANTIC,
        dev.lede.search.Fusion.defaults()));
    SYSTEMS.put("lede-hybrid", LedeSemanticSystem::defaults);
  }

  private Evaluate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with these arguments; returns the exit status (0 done, 1 failed, 2 bad usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String collection = "all";
    String system = "all";
    Path runFile = null;
    Path corpora = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length || !a.startsWith("--")) {
        err.println("evaluate: expected an option with a value, got '" + a + "'");
        return usage(err);
      }
      String v = args[++i];
      switch (a) {
        case "--collection" -> collection = v;
        case "--system" -> system = v;
        case "--run-file" -> runFile = Path.of(v);
        case "--corpora" -> corpora = Path.of(v);
        default -> {
          err.println("evaluate: unknown option '" + a + "'");
          return usage(err);
        }
      }
    }
    List<String> collections = collection.equals("all") ? Corpora.COLLECTIONS : List.of(collection);
    if (!Corpora.COLLECTIONS.containsAll(collections)) {
      err.println("evaluate: unknown collection '" + collection + "', expected time, cranfield, cisi or all");
      return 2;
    }
    List<String> systems = system.equals("all") ? List.copyOf(SYSTEMS.keySet()) : List.of(system.split(","));
    for (String s : systems) {
      // lede-hybrid@W: hybrid with vector weight W (the fusion sweep of docs/semantic.md)
      if (s.startsWith("lede-hybrid@") && !SYSTEMS.containsKey(s)) {
        float w = Float.parseFloat(s.substring("lede-hybrid@".length()));
        SYSTEMS.put(s, () -> new LedeSemanticSystem(s, dev.lede.search.SearchMode.HYBRID,
            new dev.lede.search.Fusion(dev.lede.search.Fusion.defaults().k(), w)));
      }
    }
    if (!SYSTEMS.keySet().containsAll(systems)) {
      err.println("evaluate: unknown system '" + system + "', expected one of " + SYSTEMS.keySet() + " or all");
      return 2;
    }
    Optional<Path> root = corpora != null ? Optional.of(corpora) : Corpora.locate();
    if (root.isEmpty()) {
      err.println("evaluate: no corpora folder: give --corpora DIR, -Dlede.corpora or LEDE_CORPORA,"
          + " or run from the repository root with ../shared/corpora beside it");
      return 1;
    }
    Map<String, Map<String, Metrics.Scores>> table = new LinkedHashMap<>();
    int status = 0;
    for (String c : collections) {
      TestCollection tc = Corpora.read(root.get(), c);
      for (String s : systems) {
        try (RetrievalSystem sys = SYSTEMS.get(s).get()) {
          Run r = RetrievalSystem.run(sys, tc);
          table.computeIfAbsent(s, k -> new LinkedHashMap<>())
              .put(c, Metrics.evaluate(r, tc.qrels(), tc.judgedQueries().stream().map(EvalQuery::id).toList()));
          if (runFile != null) {
            writeRun(r, collections.size() == 1 && systems.size() == 1 ? runFile : perPair(runFile, c, s));
          }
        } catch (RuntimeException e) {
          // One system failing (e.g. a broken build of Lede) should not hide the others' numbers.
          err.println("evaluate: " + s + " on " + c + " failed: " + e);
          status = 1;
        }
      }
    }
    out.print(format(table, collections));
    return status;
  }

  /** The table as Markdown: one row per system, MAP / nDCG@10 / P@10 per collection. */
  static String format(Map<String, Map<String, Metrics.Scores>> table, List<String> collections) {
    StringBuilder sb = new StringBuilder("| system |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (String c : collections) {
      sb.append(' ').append(c).append(" MAP | ").append(c).append(" nDCG@10 | ").append(c).append(" P@10 |");
      rule.append(" ---: | ---: | ---: |");
    }
    sb.append('\n').append(rule).append('\n');
    table.forEach((system, byCollection) -> {
      sb.append("| ").append(system).append(" |");
      for (String c : collections) {
        Metrics.Scores s = byCollection.get(c);
        sb.append(s == null ? " n/a | n/a | n/a |"
            : String.format(Locale.ROOT, " %.4f | %.4f | %.4f |", s.map(), s.ndcg10(), s.p10()));
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  private static Path perPair(Path runFile, String collection, String system) {
    String name = runFile.getFileName().toString();
    String stem = name.endsWith(".trec") ? name.substring(0, name.length() - 5) : name;
    return runFile.resolveSibling(stem + "." + collection + "." + system + ".trec");
  }

  private static void writeRun(Run run, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      TrecRunWriter.write(run, w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run file " + file, e);
    }
  }

  private static int usage(PrintStream err) {
    err.println("usage: Evaluate [--collection time|cranfield|cisi|all] [--system lucene-demo|english|lab-chosen|lede|all]"
        + " [--run-file out.trec] [--corpora DIR]");
    return 2;
  }
}
