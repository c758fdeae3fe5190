package dev.lede.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lede demo}: indexes the sample corpus into a throw-away directory and runs the searches
 * listed in {@code sample-corpus/demo.tsv}, printing each command before its output, so a new user
 * can go on by hand. The demo runs the very commands it prints, through this command line.
 */
@Command(name = "demo", addMethodSubcommands = false, header = "Index the sample corpus into a temporary index and show what Lede does.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Option(names = "--corpus", paramLabel = "DIR", description = "The corpus (default: sample-corpus/ of this Lede checkout).")
  Path corpus;

  @Option(names = "--keep", paramLabel = "DIR", description = "Build the demo index in DIR and keep it (default: a temporary directory, deleted).")
  Path keep;

  @Override
  public Integer call() throws IOException {
    lede.embeddedOnly("demo (it builds a throwaway index of the sample corpus)");
    Path dir = corpus != null ? corpus : defaultCorpus();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no sample corpus at " + dir + ": pass --corpus DIR");
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    PrintWriter err = lede.spec.commandLine().getErr();
    Path index = keep != null ? keep : Files.createTempDirectory("lede-demo-");
    try {
      out.println("Lede demo: the sample corpus at " + dir + ", indexed into " + index);
      out.println();
      step(out, err, "Index every format at once; bad records are reported with file, line and reason, the rest goes on.",
          List.of("index", dir.toString()), index);
      for (String[] s : steps(dir)) {
        step(out, err, s[0], splitArgs(s[1]).stream().map(a -> a.replace("{corpus}", dir.toString())).toList(), index);
      }
      return ExitCodes.OK;
    } finally {
      if (keep == null) {
        deleteTree(index);
      }
    }
  }

  private void step(PrintWriter out, PrintWriter err, String title, List<String> args, Path index) {
    out.println("== " + title);
    out.println("$ lede " + String.join(" ", args.stream().map(DemoCommand::quote).toList()));
    out.flush();
    List<String> full = new ArrayList<>(List.of("--index", index.toString(), "--color", lede.colour() ? "always" : "never"));
    full.addAll(args);
    CommandLine cl = LedeCli.commandLine(out, err, lede.env());
    cl.execute(full.toArray(String[]::new));
    out.println();
    out.flush();
  }

  /**
   * Demo steps: {@code title<TAB>arguments} lines; # comments and blank lines are skipped. An
   * argument's {@code {corpus}} is the corpus directory (the synonym file of the synonyms step).
   */
  static List<String[]> steps(Path corpus) throws IOException {
    Path file = corpus.resolve("demo.tsv");
    List<String[]> steps = new ArrayList<>();
    if (!Files.exists(file)) {
      steps.add(new String[] {"Everything, newest first, with facets.", "search --sort newest --limit 5 --facets"});
      return steps;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab > 0) {
        steps.add(new String[] {line.substring(0, tab).strip(), line.substring(tab + 1).strip()});
      }
    }
    return steps;
  }

  /** Splits arguments as a shell would for what the demo file uses: spaces, "double" and 'single' quotes. */
  static List<String> splitArgs(String s) {
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        any = true;
      } else if (c == quote) {
        quote = 0;
      } else if (c == ' ' && quote == 0) {
        if (any) {
          args.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      args.add(cur.toString());
    }
    return args;
  }

  private static String quote(String arg) {
    return arg.isEmpty() || arg.contains(" ") || arg.contains("\"") ? "'" + arg + "'" : arg;
  }

  private Path defaultCorpus() {
    String home = lede.env().get("LEDE_HOME");
    return (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("sample-corpus");
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo index " + root + ": " + e.getMessage(), e);
    }
  }
}
