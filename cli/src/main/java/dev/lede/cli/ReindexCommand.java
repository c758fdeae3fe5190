package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.IndexOptions;
import dev.lede.IngestOptions;
import dev.lede.NewsIndex;
import dev.lede.ReindexReport;
import dev.lede.cli.render.Json;
import dev.lede.read.ArticleSource;
import dev.lede.read.InputFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede reindex [PATH...] [--rollback]}: rebuilds the index into a new generation and switches to it. */
@Command(name = "reindex", header = "Rebuild the index with the current schema and analysis, while searches go on.",
    description = {
      "Builds a new generation beside the live one, from the index's own stored articles or from the PATHs given, "
          + "then switches to it atomically: searches running meanwhile see the old generation or the new one, never a mix. "
          + "The generation live before is kept for --rollback; older ones are removed. "
          + "Upgrades an index that another schema version wrote. Fails at once while another process writes to the index."})
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Rebuild from these files, directories or - (standard input) instead of the stored articles.")
  List<String> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Input format of the PATHs: auto, post, json, jsonl, newsplease (default: auto).")
  String format;

  @Option(names = "--rollback", description = "Make the generation live before the last reindex live again.")
  boolean rollback;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing and indexing articles (default: cores).")
  Integer threads;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected records to FILE as JSON Lines {file, record, reason}.")
  java.nio.file.Path rejects;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "Summary format: text or json.")
  String output;

  @Override
  public Integer call() throws Exception {
    if (!output.equalsIgnoreCase("json") && !output.equalsIgnoreCase("text")) {
      throw new IllegalArgumentException("--output must be text or json, got '" + output + "'");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + n);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    String dir = lede.indexDir().toString();
    if (rollback) {
      if (paths != null && !paths.isEmpty()) {
        throw new IllegalArgumentException("--rollback takes no PATH: it switches back to the previous generation");
      }
      ReindexReport r = NewsIndex.rollback(lede.indexDir());
      if (output.equalsIgnoreCase("json")) {
        out.println(Json.pretty(Json.object().put("index", dir).put("from", r.from()).put("to", r.to())));
      } else if (!lede.quiet) {
        out.println("rolled back " + dir + " from generation " + r.from() + " to " + r.to());
      }
      return ExitCodes.OK;
    }
    ArticleSource inputs = paths == null || paths.isEmpty() ? null : IndexCommand.source(lede, paths, InputFormat.parse(format));
    ReindexReport r;
    try (IndexCommand.IngestProgress progress = new IndexCommand.IngestProgress(lede, rejects)) {
      r = NewsIndex.reindex(lede.indexDir(), inputs, IndexOptions.defaults(), IngestOptions.defaults().withThreads(n), progress);
      progress.done();
    }
    if (output.equalsIgnoreCase("json")) {
      ObjectNode o = IndexCommand.json(r.ingest(), dir).put("from", r.from()).put("to", r.to());
      com.fasterxml.jackson.databind.node.ArrayNode removed = o.putArray("removed");
      r.removed().forEach(removed::add);
      out.println(Json.pretty(o));
    } else if (!lede.quiet) {
      out.println(IndexCommand.summary(r.ingest()) + " into " + dir + " generation " + r.to() + " (was " + r.from() + ")");
    }
    return r.ingest().rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}
