package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede delete ID...}. */
@Command(name = "delete", addMethodSubcommands = false, header = "Delete articles by id.")
final class DeleteCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
  List<String> ids;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    List<String> deleted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (NewsIndex index = lede.openExistingForWriting()) {
      for (String id : ids) {
        (index.delete(id) ? deleted : missing).add(id);
      }
      index.commit();
    }
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object();
      ArrayNode d = o.putArray("deleted");
      deleted.forEach(d::add);
      ArrayNode m = o.putArray("not_found");
      missing.forEach(m::add);
      lede.spec.commandLine().getOut().println(Json.pretty(o));
    } else if (!lede.quiet) {
      lede.spec.commandLine().getOut().println("deleted " + deleted.size() + (missing.isEmpty() ? "" : ", not found: " + String.join(" ", missing)));
    }
    return deleted.isEmpty() ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
  }
}
