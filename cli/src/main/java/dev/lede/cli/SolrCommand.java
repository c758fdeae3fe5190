package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.cli.render.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lede solr ...}: what only a SolrCloud cluster needs. The cluster is the global
 * {@code --solr URL} (or LEDE_SOLR), the collection {@code --collection NAME}; every other command
 * runs against them the same way as against an index directory.
 */
@Command(name = "solr", addMethodSubcommands = false, header = "Set up and rebuild Lede's collection on a SolrCloud cluster (--solr URL).",
    description = "A local cluster to try it on: ./lede solr-dev (from the source tree).",
    subcommands = {SolrCommand.Init.class, SolrCommand.Reindex.class})
final class SolrCommand implements Runnable {
  @ParentCommand LedeCli lede;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code lede solr init}: configset and first collection, behind an alias. */
  @Command(name = "init", addMethodSubcommands = false, header = "Upload Lede's configset and create the collection (behind an alias of that name).",
      description = "Creates the collection NAME_<utc time> with Lede's schema and points the alias NAME (--collection) "
          + "at it; clients use the alias, so that `lede solr reindex` can switch it to a rebuilt collection.")
  static final class Init implements Callable<Integer> {
    @ParentCommand SolrCommand solr;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2", description = "Shards (default: 2).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2", description = "Replicas of each shard (default: 2).")
    int replicas;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    TextOrJson format;

    @Override
    public Integer call() {
      LedeCli lede = solr.lede;
      lede.solrOnly("solr init");
      if (shards < 1 || replicas < 1) {
        throw new IllegalArgumentException("--shards and --replicas must be at least 1, got " + shards + " and " + replicas);
      }
      SolrBackend.Created c = SolrBackend.init(lede.solrAddress(), lede.collectionName(), shards, replicas);
      PrintWriter out = lede.spec.commandLine().getOut();
      if (format == TextOrJson.JSON) {
        ObjectNode o = Json.object().put("alias", c.alias()).put("collection", c.collection())
            .put("shards", c.shards()).put("replicas", c.replicas());
        out.println(Json.pretty(o));
      } else if (!lede.quiet) {
        out.println("created collection " + c.collection() + " (" + c.shards() + " shards x " + c.replicas()
            + " replicas) behind alias " + c.alias());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code lede solr reindex}: a new collection from the stored originals, then the alias switches. */
  @Command(name = "reindex", addMethodSubcommands = false, header = "Rebuild the collection from its stored articles and switch the alias to it.",
      description = "Reads every stored article behind the alias (--collection), prepares it again (cleaning, entities, "
          + "stories) into a new collection NAME_<utc time> with the current schema, then points the alias at it: "
          + "searches see the old collection until the switch and the new one after it. The previous collection is "
          + "kept for rollback unless --drop-previous. Writes made during the rebuild must be repeated.")
  static final class Reindex implements Callable<Integer> {
    @ParentCommand SolrCommand solr;

    @Option(names = "--shards", paramLabel = "N", description = "Shards of the new collection (default: as before).")
    Integer shards;

    @Option(names = "--replicas", paramLabel = "N", description = "Replicas of each shard (default: as before).")
    Integer replicas;

    @Option(names = "--drop-previous", description = "Delete the previous collection after the switch.")
    boolean dropPrevious;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    TextOrJson format;

    @Override
    public Integer call() {
      LedeCli lede = solr.lede;
      lede.solrOnly("solr reindex");
      if ((shards != null && shards < 1) || (replicas != null && replicas < 1)) {
        throw new IllegalArgumentException("--shards and --replicas must be at least 1, got " + shards + " and " + replicas);
      }
      long start = System.nanoTime();
      SolrBackend.Rebuilt r = SolrBackend.reindex(lede.solrAddress(), lede.collectionName(), shards, replicas, dropPrevious);
      double seconds = (System.nanoTime() - start) / 1e9;
      PrintWriter out = lede.spec.commandLine().getOut();
      if (format == TextOrJson.JSON) {
        ObjectNode o = Json.object().put("alias", r.alias()).put("previous", r.previous()).put("collection", r.current())
            .put("articles", r.articles()).put("shards", r.shards()).put("replicas", r.replicas())
            .put("previous_deleted", dropPrevious).put("seconds", Math.round(seconds * 1000) / 1000.0);
        out.println(Json.pretty(o));
      } else if (!lede.quiet) {
        out.println(String.format(java.util.Locale.ROOT, "reindexed %d articles into %s (%d shards x %d replicas) in %.1f s; "
            + "alias %s now points at it; previous collection %s %s", r.articles(), r.current(), r.shards(), r.replicas(),
            seconds, r.alias(), r.previous(), dropPrevious ? "deleted" : "kept for rollback"));
      }
      return ExitCodes.OK;
    }
  }
}
