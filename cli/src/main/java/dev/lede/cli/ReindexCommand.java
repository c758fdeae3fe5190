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
@Command(name = "reindex", addMethodSubcommands = false, header = "Rebuild the index with the current schema and analysis, while searches go on.",
    description = {
      "Builds a new generation beside the live one, from the index's own stored articles or from the PATHs given, "
          + "then switches to it atomically: searches running meanwhile see the old generation or the new one, never a mix. "
          + "The generation live before is kept for --rollback; older ones are removed. "
          + "Upgrades an index that another schema version wrote. Fails at once while another process writes to the index.",
      "",
      "With --solr, a generation is a collection behind the alias --collection: the new collection gets the previous "
          + "one's shards and replicas (`lede solr reindex` changes them), the alias switches, the previous collection "
          + "stays for --rollback until deleted."})
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

  /** The number of a generation name ({@code gen-000002} is 2); the flat layout, the first of all, is -1. */
  static long generationNumber(String name) {
    String digits = name == null ? "" : name.replaceAll("\\D", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

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
    if (lede.onSolr()) {
      return onSolr(out, n);
    }
    String dir = lede.indexDir().toString();
    if (rollback) {
      if (paths != null && !paths.isEmpty()) {
        throw new IllegalArgumentException("--rollback takes no PATH: it switches back to the previous generation");
      }
      ReindexReport r = NewsIndex.rollback(lede.indexDir());
      // a second rollback goes back to the newer generation: say so (issue 15)
      String direction = generationNumber(r.to()) > generationNumber(r.from()) ? "forward" : "back";
      if (output.equalsIgnoreCase("json")) {
        out.println(Json.pretty(Json.object().put("index", dir).put("from", r.from()).put("to", r.to()).put("direction", direction)));
      } else if (!lede.quiet) {
        out.println("rolled " + direction + " " + dir + " from generation " + r.from() + " to " + r.to());
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

  /**
   * On Solr, a generation is a collection behind the alias (--collection): the rebuild goes into a
   * new collection and the alias switches to it; the previous collection stays for --rollback.
   */
  private int onSolr(PrintWriter out, int n) throws Exception {
    String alias = lede.collectionName();
    String name = lede.indexName();
    if (rollback) {
      if (paths != null && !paths.isEmpty()) {
        throw new IllegalArgumentException("--rollback takes no PATH: it switches back to the previous collection");
      }
      String[] fromTo = SolrBackend.rollback(lede.solrAddress(), alias);
      if (output.equalsIgnoreCase("json")) {
        out.println(Json.pretty(Json.object().put("index", name).put("from", fromTo[0]).put("to", fromTo[1])));
      } else if (!lede.quiet) {
        out.println("rolled back alias " + alias + " from collection " + fromTo[0] + " to " + fromTo[1]);
      }
      return ExitCodes.OK;
    }
    SolrBackend.Rebuilt r;
    if (paths == null || paths.isEmpty()) {
      r = SolrBackend.reindex(lede.solrAddress(), alias, null, null, false);
    } else {
      try (IndexCommand.IngestProgress progress = new IndexCommand.IngestProgress(lede, rejects)) {
        r = SolrBackend.reindexFrom(lede.solrAddress(), alias, IndexCommand.source(lede, paths, InputFormat.parse(format)),
            IngestOptions.defaults().withThreads(n), progress);
        progress.done();
      }
    }
    if (output.equalsIgnoreCase("json")) {
      out.println(Json.pretty(IndexCommand.json(r.ingest(), name).put("from", r.previous()).put("to", r.current())));
    } else if (!lede.quiet) {
      out.println(IndexCommand.summary(r.ingest()) + " into collection " + r.current() + " (" + r.shards() + " shards x "
          + r.replicas() + " replicas); alias " + alias + " now points at it (was " + r.previous() + ", kept for --rollback)");
    }
    return r.ingest().rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}
