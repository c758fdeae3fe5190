package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 17: a run registers only the command it names, and nothing else changes. */
class OnlyCommandTest {
  // Guards the table in LedeCli against a command added to it under a name its class does not answer to.
  @Test
  void tableNamesMatchTheCommandsOwnNames() {
    for (Map.Entry<String, Class<?>> e : LedeCli.SUBCOMMANDS.entrySet()) {
      assertEquals(e.getKey(), e.getValue().getAnnotation(CommandLine.Command.class).name(), e.getValue().getName());
    }
  }

  @Test
  void firstWordAfterGlobalOptionsNamesTheCommand() {
    assertEquals("search", LedeCli.onlyCommand(new String[] {"search", "rail"}));
    assertEquals("search", LedeCli.onlyCommand(new String[] {"--index", "search", "search", "x"}));
    assertEquals("stats", LedeCli.onlyCommand(new String[] {"--index=idx", "-qv", "--color", "never", "stats"}));
    assertEquals("solr", LedeCli.onlyCommand(new String[] {"--solr", "http://x", "solr", "init"}));
  }

  @Test
  void helpCompletionVersionAndUnknownWordsGetEveryCommand() {
    for (String[] args : List.of(new String[] {}, new String[] {"help", "search"}, new String[] {"completion"},
        new String[] {"--help", "search"}, new String[] {"-h"}, new String[] {"-V"}, new String[] {"serch"},
        new String[] {"--bogus", "search"}, new String[] {"--index", "idx"}, new String[] {"--", "search"})) {
      assertNull(LedeCli.onlyCommand(args), String.join(" ", args));
    }
  }

  // The lazily built command line must parse a command's options exactly as the full one does.
  @Test
  void oneCommandLineHasTheSameOptionsAsTheFullOne() {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine full = LedeCli.commandLine(none, none, Map.of());
    for (String name : LedeCli.SUBCOMMANDS.keySet()) {
      if (LedeCli.onlyCommand(new String[] {name}) == null) {
        continue;
      }
      CommandLine one = LedeCli.commandLineFor(new String[] {name}, none, none, Map.of(), System.in);
      assertEquals(List.of(name), new ArrayList<>(one.getSubcommands().keySet()));
      assertEquals(usage(full.getSubcommands().get(name)), usage(one.getSubcommands().get(name)), name);
    }
  }

  @Test
  void rootHelpStillListsEveryCommand() {
    LedeCliTest.Run r = LedeCliTest.run("--help");
    for (String name : LedeCli.SUBCOMMANDS.keySet()) {
      assertTrue(r.out().contains("  " + name + " "), name);
    }
  }

  private static String usage(CommandLine cl) {
    StringWriter w = new StringWriter();
    cl.usage(new PrintWriter(w));
    return w.toString();
  }
}
