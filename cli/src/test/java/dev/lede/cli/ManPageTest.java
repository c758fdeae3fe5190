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
    assertTrue(page.contains("LEDE_INDEX"));
    assertTrue(page.contains("NO_COLOR"));
  }

  @Test
  void escapingKeepsHyphensAndBackslashesLiteral() {
    assertEquals("\\-\\-since 7d", ManPage.escape("--since 7d"));
    assertEquals("a\\eb", ManPage.escape("a\\b"));
    assertEquals("\\&.hidden", ManPage.escape(".hidden"));
  }
}
