package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.cli.LedeCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every misuse, one row each: exactly one line on stderr, saying what is wrong, and exit 2 or 3. */
class MisuseTest {
  @TempDir static Path tmp;
  static Path index;
  static Path noReadFile;
  static Path noReadDir;
  static Path noReadIndex;
  /** Whether this process is stopped by file permissions (not when running as root). */
  static boolean permissionsApply;

  /** One misuse: the arguments after {@code --index DIR}, the exit code and a piece of the message. */
  record Row(String name, boolean needsPermissions, int code, String expected, String... args) {}

  @BeforeAll
  static void setUp() throws IOException {
    index = tmp.resolve("idx");
    Path input = tmp.resolve("one.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"headline\":\"Rail strike ends\",\"body\":\"Pay deal agreed.\"}\n");
    Run r = LedeCliTest.run("--index", index.toString(), "index", input.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    noReadFile = Files.writeString(tmp.resolve("secret.jsonl"), "{\"id\":\"b\",\"headline\":\"x\"}\n");
    Files.setPosixFilePermissions(noReadFile, PosixFilePermissions.fromString("---------"));
    noReadDir = Files.createDirectories(tmp.resolve("closed"));
    Files.writeString(noReadDir.resolve("c.jsonl"), "{\"id\":\"c\",\"headline\":\"x\"}\n");
    Files.setPosixFilePermissions(noReadDir, PosixFilePermissions.fromString("---------"));
    noReadIndex = tmp.resolve("closed-idx");
    LedeCliTest.run("--index", noReadIndex.toString(), "index", input.toString());
    Files.setPosixFilePermissions(noReadIndex, PosixFilePermissions.fromString("---------"));
    permissionsApply = !Files.isReadable(noReadFile);
  }

  static List<Row> rows() {
    return List.of(
        new Row("unknown option", false, ExitCodes.USAGE, "Unknown option: '--limmit' (did you mean --limit?)", "search", "x", "--limmit", "3"),
        new Row("unknown command", false, ExitCodes.USAGE, "'serch', 'x' (did you mean search", "serch", "x"),
        new Row("bad date", false, ExitCodes.USAGE, "'yesterday' is not a date", "search", "x", "--since", "yesterday"),
        new Row("bad number", false, ExitCodes.USAGE, "'ten'", "search", "x", "--limit", "ten"),
        new Row("number out of range", false, ExitCodes.USAGE, "illegal limit 0", "search", "x", "--limit", "0"),
        new Row("missing argument", false, ExitCodes.USAGE, "Missing required parameter: 'ID'", "show"),
        new Row("missing option value", false, ExitCodes.USAGE, "Missing required parameter for option '--limit'", "search", "x", "--limit"),
        new Row("bad choice", false, ExitCodes.USAGE, "xml", "search", "x", "--format", "xml"),
        new Row("bad thread count", false, ExitCodes.USAGE, "--threads must be at least 1, got 0", "index", "-", "--threads", "0"),
        new Row("bad timeout", false, ExitCodes.USAGE, "illegal --timeout -1.0", "search", "x", "--timeout", "-1"),
        new Row("query over its time limit", false, ExitCodes.USAGE, "ran longer than its limit of 0 ms and was stopped", "search", "rail",
            "--timeout", "0"),
        new Row("query syntax", false, ExitCodes.USAGE, "query syntax error at position", "search", "--syntax", "lucene", "rail AND (strike"),
        new Row("missing file", false, ExitCodes.USAGE, "no such file or directory: no/such/file.jsonl", "index", "no/such/file.jsonl"),
        new Row("unreadable file", true, ExitCodes.USAGE, "permission denied", "index", "@noReadFile"),
        new Row("directory without permission", true, ExitCodes.USAGE, "permission denied", "index", "@noReadDir"),
        new Row("index directory without permission", true, ExitCodes.INDEX_UNAVAILABLE, "permission denied", "@noReadIndex", "search", "x"),
        new Row("missing index", false, ExitCodes.INDEX_UNAVAILABLE, "run `lede index <files>` first", "@missingIndex", "search", "x"),
        new Row("index is a file", false, ExitCodes.INDEX_UNAVAILABLE, "is a file, not an index directory", "@fileIndex", "search", "x"),
        new Row("check without repair", false, ExitCodes.USAGE, "--confirm only goes with --repair", "check", "--confirm"));
  }

  @TestFactory
  Stream<DynamicTest> everyMisuseGivesOneLineAndExitTwoOrThree() {
    return rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
      if (row.needsPermissions()) {
        Assumptions.assumeTrue(permissionsApply, "running as root: file permissions do not stop this process, so '" + row.name() + "' cannot happen");
      }
      List<String> args = new ArrayList<>();
      Path dir = index;
      List<String> rest = new ArrayList<>(List.of(row.args()));
      if (rest.get(0).equals("@noReadIndex")) {
        dir = noReadIndex;
        rest.remove(0);
      } else if (rest.get(0).equals("@missingIndex")) {
        dir = tmp.resolve("nothing-here");
        rest.remove(0);
      } else if (rest.get(0).equals("@fileIndex")) {
        dir = Files.writeString(tmp.resolve("a-file"), "x");
        rest.remove(0);
      }
      args.add("--index");
      args.add(dir.toString());
      for (String a : rest) {
        args.add(a.equals("@noReadFile") ? noReadFile.toString() : a.equals("@noReadDir") ? noReadDir.toString() : a);
      }
      Run r = LedeCliTest.run(args.toArray(String[]::new));
      assertEquals(row.code(), r.code(), row.name() + ": " + r.err());
      List<String> lines = r.err().lines().toList();
      assertEquals(1, lines.size(), row.name() + ": exactly one line on stderr, got: " + r.err());
      assertTrue(lines.get(0).startsWith("lede: "), lines.get(0));
      assertTrue(lines.get(0).contains(row.expected()), row.name() + ": " + lines.get(0));
    }));
  }
}
