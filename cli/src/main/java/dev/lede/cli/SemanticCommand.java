package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.SemanticReport;
import dev.lede.cli.render.Json;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lede semantic enable|disable|status}: semantic search for an index. Enabling gives every
 * indexed article its vectors (an embedding model run in-process: nothing is downloaded); from then
 * on {@code lede index} keeps them current and searches default to hybrid.
 */
@Command(name = "semantic", addMethodSubcommands = false, header = "Turn semantic (meaning-based) search on or off for the index.",
    description = {"`enable` computes a vector for every indexed article with the bundled all-MiniLM-L6-v2 model (run "
        + "in-process, offline), then `lede index` keeps them current and `lede search` defaults to --mode hybrid. It "
        + "commits as it goes: killed, it loses at most a few hundred articles' work, and run again it goes on where it stopped.",
        "Embedded index only: on SolrCloud it exits 2."},
    subcommands = {SemanticCommand.Enable.class, SemanticCommand.Disable.class, SemanticCommand.Status.class})
final class SemanticCommand extends CommandGroup {
  @Override
  String embeddedOnly() {
    return "semantic search (embedded-only for now)";
  }

  /** The subcommands' shared part, and the status object they print. */
  abstract static class Sub extends CommandGroup.Sub {
    ObjectNode status(LedeCli lede, String model) {
      return Json.object().put("index", lede.indexName()).put("semantic", model != null).put("model", model);
    }
  }

  /** {@code lede semantic enable}. */
  @Command(name = "enable", addMethodSubcommands = false, header = "Turn semantic search on and compute the vectors of every indexed article.",
      description = "Resumable: run it again after an interruption and it goes on where it stopped.")
  static final class Enable extends Sub {
    @Option(names = "--threads", paramLabel = "N", description = "Threads running the model (default: one per core).")
    Integer threads;

    @Override
    int run(LedeCli lede, PrintWriter out) {
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (n < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, got " + n);
      }
      PrintWriter err = lede.spec.commandLine().getErr();
      boolean on = !lede.quiet && ColorPolicy.stdoutIsTerminal();
      long start = System.nanoTime();
      SemanticReport r;
      try (NewsIndex index = lede.openForWriting()) {
        r = index.enableSemantic(n, (done, total) -> {
          if (on) {
            double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            err.print(String.format(Locale.ROOT, "\r\u001b[Kvectors: %d of %d articles, %.0f/s", done, total, done / secs));
            err.flush();
          }
        });
      }
      if (on) {
        err.print("\r\u001b[K");
        err.flush();
      }
      if (format == TextOrJson.JSON) {
        out.println(Json.pretty(status(lede, r.model()).put("vectorized", r.vectorized()).put("already", r.already())
            .put("skipped", r.skipped())));
      } else if (!lede.quiet) {
        out.println("semantic search on for " + lede.indexName() + " (" + r.model() + "): " + r.vectorized() + " articles vectorised"
            + (r.already() > 0 ? ", " + r.already() + " had vectors already" : "") + (r.skipped() > 0 ? ", " + r.skipped() + " skipped" : ""));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code lede semantic disable}. */
  @Command(name = "disable", addMethodSubcommands = false, header = "Turn semantic search off: no more vectors, searches lexical.",
      description = "Vectors already computed stay in the index (unused) until `lede reindex`; `enable` again reuses them.")
  static final class Disable extends Sub {
    @Override
    int run(LedeCli lede, PrintWriter out) {
      try (NewsIndex index = lede.openForWriting()) {
        index.disableSemantic();
      }
      if (format == TextOrJson.JSON) {
        out.println(Json.pretty(status(lede, null)));
      } else if (!lede.quiet) {
        out.println("semantic search off for " + lede.indexName());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code lede semantic status}. */
  @Command(name = "status", addMethodSubcommands = false, header = "Say whether semantic search is on, and with which model.")
  static final class Status extends Sub {
    @Override
    int run(LedeCli lede, PrintWriter out) {
      String model;
      try (NewsIndex index = lede.openForReading()) {
        model = index.semanticModel();
      }
      if (format == TextOrJson.JSON) {
        out.println(Json.pretty(status(lede, model)));
      } else {
        out.println(model == null ? "semantic search off" : "semantic search on (" + model + ")");
      }
      return ExitCodes.OK;
    }
  }
}
