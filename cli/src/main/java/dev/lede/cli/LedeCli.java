package dev.lede.cli;

import dev.lede.BadInputException;
import dev.lede.IndexOptions;
import dev.lede.IndexUnavailableException;
import dev.lede.LedeException;
import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code lede} command, and the one factory that configures the command line. */
@Command(
    name = "lede",
    mixinStandardHelpOptions = true,
    versionProvider = LedeCli.Version.class,
    header = "News search on Lucene: index articles, search them, from the terminal.",
    description = "Reads scraped posts, JSON, JSON Lines and news-please output, indexes them, and searches them with "
        + "ranking that understands news.",
    subcommands = {
      IndexCommand.class,
      ReindexCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      SimilarCommand.class,
      DeleteCommand.class,
      StatsCommand.class,
      CheckCommand.class,
      EntitiesCommand.class,
      TrendingCommand.class,
      StoryCommand.class,
      AnalyzeCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:results found, or success",
      "1:a search found nothing",
      "2:usage or query syntax error",
      "3:index missing, locked by another writer, corrupt or of another schema version",
      "4:ingest finished but some records were rejected",
      "5:internal error (please report it, with --stacktrace)"
    },
    footer = {"%nEnvironment: LEDE_INDEX (default for --index), NO_COLOR (no colour)."})
public final class LedeCli implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index directory (default: $LEDE_INDEX, else ./lede-index).")
  Path index;

  @Option(names = {"-q", "--quiet"}, description = "Print results only: no progress, no summaries.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Say more on stderr (every rejected record).")
  boolean verbose;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour: auto (terminal only, honours NO_COLOR), always, never.", converter = ChoiceConverter.class)
  ColorPolicy.Choice color;

  @Option(names = "--stacktrace", description = "Show the stack trace of an error.")
  boolean stacktrace;

  private final Map<String, String> env;
  private final java.io.InputStream stdin;

  LedeCli(Map<String, String> env, java.io.InputStream stdin) {
    this.env = env;
    this.stdin = stdin;
  }

  /** The configured command line that {@link Main} and every test run. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, System.getenv());
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter)}, with an explicit environment (for tests). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    return commandLine(out, err, env, System.in);
  }

  /** As above, with an explicit standard input (for tests of {@code index -}). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream stdin) {
    LedeCli root = new LedeCli(env, stdin);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOverwrittenOptionsAllowed(true); // the last --color (or --limit) wins, as in ripgrep
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      int code = exitCode(ex);
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      if (code == ExitCodes.INTERNAL) {
        message = "internal error: " + ex + " (run again with --stacktrace and report it)";
      }
      err.println("lede: " + message);
      if (root.stacktrace) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine bad = ex.getCommandLine();
      err.println("lede: " + ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
        err.println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof IndexUnavailableException) {
      return ExitCodes.INDEX_UNAVAILABLE;
    }
    if (ex instanceof QuerySyntaxException || ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof NotFoundException) {
      return ExitCodes.NOTHING_FOUND;
    }
    if (ex instanceof LedeException || ex instanceof java.io.UncheckedIOException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The index directory: --index, else $LEDE_INDEX, else ./lede-index. */
  Path indexDir() {
    if (index != null) {
      return index;
    }
    String fromEnv = env.get("LEDE_INDEX");
    return Path.of(fromEnv == null || fromEnv.isBlank() ? "lede-index" : fromEnv);
  }

  /** Opens the index for reading only: searches never wait for, or block, a writer. */
  NewsIndex openForReading() {
    return NewsIndex.openExisting(indexDir(), IndexOptions.defaults().withReadOnly(true));
  }

  Map<String, String> env() {
    return env;
  }

  java.io.InputStream stdin() {
    return stdin;
  }

  boolean colour() {
    return ColorPolicy.enabled(color, env, ColorPolicy.stdoutIsTerminal());
  }

  /** Thrown by a command whose lookup found nothing: exit code 1 with its message. */
  static final class NotFoundException extends LedeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  static final class ChoiceConverter implements CommandLine.ITypeConverter<ColorPolicy.Choice> {
    @Override
    public ColorPolicy.Choice convert(String value) {
      try {
        return ColorPolicy.Choice.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a colour choice: use auto, always or never");
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LedeCli.class.getPackage().getImplementationVersion();
      return new String[] {"lede " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
