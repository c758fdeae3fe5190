package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.cli.LedeCliTest.Run;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets in the first hour: issue 15, one test (or row) per item. */
class FirstHourTest {
  @TempDir static Path shared;
  static Path index;

  @BeforeAll
  static void indexSampleCorpus() {
    index = shared.resolve("idx");
    LedeCliTest.run("--index", index.toString(), "index", LedeCliTest.CORPUS.toString(), "--threads", "2");
  }

  static Run lede(String... args) {
    List<String> full = new ArrayList<>(List.of("--index", index.toString()));
    full.addAll(List.of(args));
    return LedeCliTest.run(full.toArray(String[]::new));
  }

  static JsonNode json(String s) {
    try {
      return LedeCliTest.JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  /** Every command's path below {@code lede}, at any depth ("solr init" as [solr, init]). */
  static List<List<String>> commandPaths() {
    CommandLine root = LedeCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of());
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }

  // Issue 15 item 6: every error says "see 'lede X --help'", so --help and -h must work on every
  // command, even one whose required parameters are missing.
  @TestFactory
  Stream<DynamicTest> helpWorksOnEveryCommand() {
    return commandPaths().stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> DynamicTest.dynamicTest(
        String.join(" ", path) + " " + flag, () -> {
          List<String> args = new ArrayList<>(path);
          args.add(flag);
          Run r = lede(args.toArray(String[]::new));
          assertEquals(ExitCodes.OK, r.code(), r.err());
          assertEquals("", r.err());
          assertTrue(r.out().contains("Usage: lede " + String.join(" ", path)), r.out());
        })));
  }
}
