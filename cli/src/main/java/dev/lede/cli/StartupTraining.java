package dev.lede.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the {@code ./lede} launcher's second start-up cache, the one for commands that
 * only read an index. Not a command: the launcher runs it once after a build, as {@code java
 * -XX:AOTCacheOutput=... -cp lede-cli.jar dev.lede.cli.StartupTraining INDEX}, on an index of the
 * sample corpus that the first cache's training (the demo) left, with stdout and stderr discarded.
 *
 * <p>The JDK's ahead-of-time cache loads every class its training run loaded at each start-up. The
 * demo indexes, so a cache trained on it brought language detection, entities and boilerplate
 * classes into every {@code lede search} (about 1,500 classes it never uses: docs/benchmarks.md,
 * issue 17). This run does what reading commands do and nothing else: root help, searches as text
 * and as JSON, show, similar, story and stats, each in this one process through the same command
 * line {@link Main} builds. A failing command here only means a smaller cache, never an error for a
 * user: the launcher ignores what this prints and how it exits. Words after the index keep only the
 * commands starting with one of them (for measuring what each adds to the cache).
 */
public final class StartupTraining {
  private StartupTraining() {}

  /** The commands trained on, without {@code --index}: each is as a user would type it. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("--help"),
      List.of("search", "rail", "strike"),
      List.of("search", "heatwave", "grips", "southern", "europe", "--limit", "2", "--recent", "365"),
      List.of("search", "ecb", "rates", "--format", "json"),
      List.of("show", "rail-3"),
      List.of("similar", "rail-3", "--limit", "3"),
      List.of("story", "sudan-wire-a"),
      List.of("stats"));

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: java -cp lede-cli.jar dev.lede.cli.StartupTraining INDEX [WORD...]");
      System.exit(ExitCodes.USAGE);
    }
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.OFF);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int worst = ExitCodes.OK;
    for (String[] command : commands(args[0], List.of(args).subList(1, args.length))) {
      int code = LedeCli.commandLineFor(command, out, err).execute(command);
      worst = Math.max(worst, code);
    }
    out.flush();
    err.flush();
    System.exit(worst);
  }

  /**
   * {@link #COMMANDS} on this index ({@code --help} takes none); when words are given, only the
   * commands that start with one of them (for measuring what each adds to the cache).
   */
  static List<String[]> commands(String index, List<String> words) {
    List<String[]> all = new ArrayList<>();
    for (List<String> c : COMMANDS) {
      if (!words.isEmpty() && !words.contains(c.get(0))) {
        continue;
      }
      List<String> full = new ArrayList<>();
      if (!c.get(0).startsWith("-")) {
        full.add("--index");
        full.add(index);
      }
      full.addAll(c);
      all.add(full.toArray(String[]::new));
    }
    return all;
  }
}
