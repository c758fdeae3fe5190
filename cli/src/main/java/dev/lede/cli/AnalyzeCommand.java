package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.cli.render.Json;
import dev.lede.index.Schema;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede analyze TEXT}: the tokens each field's analyzer makes. */
@Command(name = "analyze", addMethodSubcommands = false, header = "Show the tokens each field's analyzer makes of a text.")
final class AnalyzeCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several words are joined).")
  List<String> text;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    Map<String, List<String>> tokens = Schema.defaults().analyze(QueryWords.text(spec, text));
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object();
      tokens.forEach((field, ts) -> {
        ArrayNode a = o.putArray(field);
        ts.forEach(a::add);
      });
      out.println(Json.pretty(o));
    } else {
      int width = tokens.keySet().stream().mapToInt(String::length).max().orElse(0);
      tokens.forEach((field, ts) -> out.println(String.format("%-" + width + "s  %s", field, String.join(" | ", ts))));
    }
    return ExitCodes.OK;
  }
}
