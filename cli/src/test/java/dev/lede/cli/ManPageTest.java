package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ManPageTest {
  private static final Set<String> REQUESTS = Set.of(".TH", ".SH", ".SS", ".TP", ".PP", ".B", ".nf", ".fi");

  private final CommandLine cli = LedeCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of());
  private final String page = ManPage.render(cli);

  @Test
  void everyCommandAndEveryVisibleOptionIsDocumented() {
    for (CommandLine sub : cli.getSubcommands().values()) {
      assertTrue(page.contains("\n.SS " + ManPage.escape(sub.getCommandName()) + "\n"), "no section for " + sub.getCommandName());
      for (OptionSpec o : sub.getCommandSpec().options()) {
        if (!o.hidden()) {
          assertTrue(page.contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR"),
              sub.getCommandName() + " " + o.longestName() + " missing from the man page");
        }
      }
    }
  }

  @Test
  void everyLineIsTextOrAKnownRequest() {
    List<String> bad = page.lines()
        .filter(l -> l.startsWith(".") || l.startsWith("'"))
        .filter(l -> !REQUESTS.contains(l.split(" ", 2)[0]))
        .toList();
    assertEquals(List.of(), bad, "a text line starting with . or ' would be read as a troff request");
  }

  @Test
  void exitCodesAndEnvironmentAreListed() {
    for (String code : List.of("0", "1", "2", "3", "4", "5")) {
      assertTrue(page.contains(".TP\n\\fB" + code + "\\fR\n"), "exit code " + code);
    }
    assertTrue(page.contains("NO_COLOR"));
  }

  // Issue 15: the ENVIRONMENT section listed LEDE_INDEX and NO_COLOR but not LEDE_SOLR and
  // LEDE_COLLECTION, which --help's footer names. Every variable the footer names has an entry.
  @Test
  void environmentListsEveryVariableTheHelpNames() {
    String environment = page.substring(page.indexOf(".SH ENVIRONMENT"), page.indexOf(".SH EXAMPLES"));
    for (String variable : List.of("LEDE_INDEX", "LEDE_SOLR", "LEDE_COLLECTION", "NO_COLOR")) {
      assertTrue(environment.contains(".TP\n\\fB" + ManPage.escape(variable) + "\\fR\n"), variable + " missing: " + environment);
    }
    String footer = String.join(" ", cli.getCommandSpec().usageMessage().footer());
    for (String variable : LedeCli.ENVIRONMENT.keySet()) {
      assertTrue(footer.contains(variable), variable + " missing from --help");
    }
  }

  @Test
  void escapingKeepsHyphensAndBackslashesLiteral() {
    assertEquals("\\-\\-since 7d", ManPage.escape("--since 7d"));
    assertEquals("a\\eb", ManPage.escape("a\\b"));
    assertEquals("\\&.hidden", ManPage.escape(".hidden"));
  }
}
