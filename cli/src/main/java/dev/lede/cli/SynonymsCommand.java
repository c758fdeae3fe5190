package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.search.SynonymList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lede synonyms set|show|clear}: the synonym list an index applies to queries. The list is
 * stored with the index and read by every search; nothing is reindexed.
 */
@Command(name = "synonyms", addMethodSubcommands = false, header = "Set, show or clear the synonyms applied to searches (no reindex needed).",
    description = {"The list uses the Solr/WordNet line format: `cyclone, hurricane, typhoon` makes each find the others; "
        + "`ecb => european central bank` searches the left side as the right side, and only as that; lines starting "
        + "with # are comments. A multi-word synonym is searched as a phrase.",
        "Synonyms apply when a query is analysed, never to the indexed articles: a new list takes effect for every "
            + "search started after `set`, also beside a running `lede index`, and survives `lede reindex`."},
    subcommands = {SynonymsCommand.Set.class, SynonymsCommand.Show.class, SynonymsCommand.Clear.class})
final class SynonymsCommand extends CommandGroup {
  @Override
  String embeddedOnly() {
    return "synonyms (the list is stored with the embedded index; on Solr, use the collection's own synonym files)";
  }

  /** Replaces the index's list; the result's text or JSON. */
  private static int store(LedeCli lede, SynonymList list, TextOrJson format, String done) {
    Path dir = lede.indexDir();
    try (NewsIndex index = lede.openForReading()) {
      index.setSynonyms(list);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object().put("index", dir.toString()).put("rules", list.rules().size());
      out.println(Json.pretty(o));
    } else if (!lede.quiet) {
      out.println(done);
    }
    return ExitCodes.OK;
  }

  /** {@code lede synonyms set FILE}. */
  @Command(name = "set", addMethodSubcommands = false, header = "Install the synonym list in FILE for the index, replacing the one before.",
      description = "Exit 2 when FILE cannot be read or a line is not a rule (the message names the file and the line); "
          + "the index then keeps the list it had.")
  static final class Set extends Sub {
    @Parameters(paramLabel = "FILE", description = "A synonym file (UTF-8, Solr/WordNet line format).")
    Path file;

    @Override
    int run(LedeCli lede, PrintWriter out) {
      SynonymList list = SynonymList.read(file);
      int n = list.rules().size();
      return store(lede, list, format, String.format(Locale.ROOT, "%d synonym %s set for index %s: searches use %s from now on; nothing "
          + "was reindexed", n, n == 1 ? "rule" : "rules", lede.indexDir(), n == 1 ? "it" : "them"));
    }
  }

  /** {@code lede synonyms show}. */
  @Command(name = "show", addMethodSubcommands = false, header = "Print the index's synonym list (as a file `synonyms set` reads back).")
  static final class Show extends Sub {
    @Override
    int run(LedeCli lede, PrintWriter out) {
      SynonymList list;
      try (NewsIndex index = lede.openForReading()) {
        list = index.synonyms();
      }
      if (format == TextOrJson.JSON) {
        ObjectNode o = Json.object().put("index", lede.indexDir().toString());
        ArrayNode rules = o.putArray("synonyms");
        for (SynonymList.Rule r : list.rules()) {
          ObjectNode rule = rules.addObject().put("kind", r.kind().name().toLowerCase(Locale.ROOT));
          r.from().forEach(rule.putArray("from")::add);
          r.to().forEach(rule.putArray("to")::add);
        }
        out.println(Json.pretty(o));
      } else {
        out.print(list.toText());
        if (list.isEmpty()) {
          lede.note("index " + lede.indexDir() + " has no synonyms: `lede synonyms set FILE` installs a list", false);
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code lede synonyms clear}. */
  @Command(name = "clear", addMethodSubcommands = false, header = "Remove the index's synonym list: searches match the words as typed again.")
  static final class Clear extends Sub {
    @Override
    int run(LedeCli lede, PrintWriter out) {
      return store(lede, SynonymList.EMPTY, format, "synonyms cleared for index " + lede.indexDir());
    }
  }
}
