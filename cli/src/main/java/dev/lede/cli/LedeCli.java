package dev.lede.cli;

import dev.lede.BadInputException;
import dev.lede.IndexOptions;
import dev.lede.IndexUnavailableException;
import dev.lede.LedeException;
import dev.lede.NewsIndex;
import dev.lede.QuerySyntaxException;
import dev.lede.cli.render.OutputFormat;
import dev.lede.cli.render.ResultRenderer;
import dev.lede.search.SearchResult;
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
    addMethodSubcommands = false,
    versionProvider = LedeCli.Version.class,
    header = "News search on Lucene: index articles, search them, from the terminal.",
    description = "Reads scraped posts, JSON, JSON Lines and news-please output, indexes them, and searches them with "
        + "ranking that understands news.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:results found, or success",
      "1:a search found nothing",
      "2:usage or query syntax error",
      "3:index missing, locked by another writer, corrupt or of another schema version; Solr cluster unreachable",
      "4:ingest finished but some records were rejected",
      "5:internal error (please report it, with --stacktrace)"
    },
    footer = {"%nEnvironment: LEDE_INDEX (default for --index), LEDE_SOLR (default for --solr), LEDE_COLLECTION "
        + "(default for --collection), LEDE_TOKEN (serve --write's token), NO_COLOR (no colour)."})
public final class LedeCli implements Runnable {
  /** The Solr collection (an alias, as {@code lede solr init} makes it) when none is named. */
  static final String DEFAULT_COLLECTION = "lede";

  /**
   * The environment variables Lede reads, with what each does: the man page's ENVIRONMENT section is
   * written from this map, and a test checks the {@code --help} footer names each one.
   */
  static final Map<String, String> ENVIRONMENT = environment();

  private static Map<String, String> environment() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("LEDE_INDEX", "The index directory when --index is not given (else ./lede-index).");
    m.put("LEDE_SOLR", "The SolrCloud cluster when --solr is not given: Solr URLs (comma-separated) or a ZooKeeper "
        + "host:port[/chroot]. When set, every command works on the cluster instead of an index directory.");
    m.put("LEDE_COLLECTION", "With a Solr cluster: the collection or alias when --collection is not given (else "
        + DEFAULT_COLLECTION + ").");
    m.put("LEDE_TOKEN", "The bearer token that allows writes to 'lede serve --write' when --token-file is not given.");
    m.put("NO_COLOR", "When set, no colour, as with --color never.");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The subcommands, in the order {@code --help} lists them. They are added by {@link #commandLine}
   * rather than named in {@code @Command}, so that a run of one command builds the model of that one
   * only: picocli builds each command's model by reflection, and doing it for all of them was about a
   * tenth of a {@code lede search} (issue 17). A test checks each name against its class's annotation.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("index", IndexCommand.class);
    m.put("reindex", ReindexCommand.class);
    m.put("search", SearchCommand.class);
    m.put("show", ShowCommand.class);
    m.put("similar", SimilarCommand.class);
    m.put("delete", DeleteCommand.class);
    m.put("stats", StatsCommand.class);
    m.put("check", CheckCommand.class);
    m.put("backup", BackupCommand.class);
    m.put("synonyms", SynonymsCommand.class);
    m.put("semantic", SemanticCommand.class);
    m.put("entities", EntitiesCommand.class);
    m.put("trending", TrendingCommand.class);
    m.put("suggest", SuggestCommand.class);
    m.put("story", StoryCommand.class);
    m.put("analyze", AnalyzeCommand.class);
    m.put("serve", ServeCommand.class);
    m.put("solr", SolrCommand.class);
    m.put("demo", DemoCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Global options that take a value in the next argument: the word after one is not a command. */
  private static final java.util.Set<String> VALUED_OPTIONS = java.util.Set.of("--index", "--solr", "--collection", "--color");

  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index directory (default: $LEDE_INDEX, else ./lede-index).")
  Path index;

  @Option(names = "--solr", paramLabel = "URL",
      description = "Use a SolrCloud cluster instead of an index directory: Solr URLs (comma-separated) or a ZooKeeper "
          + "host:port[/chroot] (default: $LEDE_SOLR).")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME",
      description = "With --solr: the collection or alias (default: $LEDE_COLLECTION, else " + DEFAULT_COLLECTION + ").")
  String collection;

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
  private final boolean interactive;

  LedeCli(Map<String, String> env, java.io.InputStream stdin, boolean interactive) {
    this.env = env;
    this.stdin = stdin;
    this.interactive = interactive;
  }

  /** The configured command line with every command, for the man page, completion and tools. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, System.getenv());
  }

  /**
   * The configured command line that {@link Main} runs for these arguments: when they name a command,
   * only that command is registered (see {@link #SUBCOMMANDS}); help, completion, the version and
   * anything not understood get every command, so their output and picocli's suggestions are whole.
   */
  public static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err) {
    return commandLineFor(args, out, err, System.getenv(), System.in);
  }

  /** As {@link #commandLineFor(String[], PrintWriter, PrintWriter)}, with an explicit environment and input (tests). */
  static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
      java.io.InputStream stdin) {
    return commandLine(out, err, env, stdin, ColorPolicy.stdoutIsTerminal(), onlyCommand(args));
  }

  /**
   * The command these arguments run, when it is enough to register that one: the first word that is
   * neither a global option nor its value. Null (register all) for no command, {@code help},
   * {@code completion}, an unknown word, and global help or version options or unknown options before the command.
   */
  static String onlyCommand(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (VALUED_OPTIONS.contains(a)) {
        i++;
      } else if (a.startsWith("--") && a.indexOf('=') > 0 && VALUED_OPTIONS.contains(a.substring(0, a.indexOf('=')))) {
        continue;
      } else if (a.equals("--quiet") || a.equals("--verbose") || a.equals("--stacktrace") || quietOrVerbose(a)) {
        continue;
      } else if (a.startsWith("-")) {
        return null; // -h, -V, --help, --version, "--", or an option picocli should report with all commands
      } else {
        return SUBCOMMANDS.containsKey(a) && !a.equals("help") && !a.equals("completion") ? a : null;
      }
    }
    return null;
  }

  /** -q, -v, or both in one word (-qv). */
  private static boolean quietOrVerbose(String a) {
    if (a.length() < 2 || a.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < a.length(); i++) {
      if (a.charAt(i) != 'q' && a.charAt(i) != 'v') {
        return false;
      }
    }
    return true;
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter)}, with an explicit environment (for tests). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    return commandLine(out, err, env, System.in);
  }

  /** As above, with an explicit standard input (for tests of {@code index -}). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream stdin) {
    // The JVM has a console only when it runs in a terminal: then a person can be asked.
    return commandLine(out, err, env, stdin, ColorPolicy.stdoutIsTerminal());
  }

  /** As above, saying whether a person at a terminal can answer a question (for tests of prompts). */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream stdin,
      boolean interactive) {
    return commandLine(out, err, env, stdin, interactive, null);
  }

  /** The factory itself: {@code only} names the one command to register, null for all. */
  private static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream stdin,
      boolean interactive, String only) {
    LedeCli root = new LedeCli(env, stdin, interactive);
    CommandLine cl = new CommandLine(root);
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS.entrySet()) {
      if (only == null || only.equals(c.getKey())) {
        cl.addSubcommand(c.getKey(), c.getValue());
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOverwrittenOptionsAllowed(true); // the last --color (or --limit) wins, as in ripgrep
    for (String freeText : QueryWords.COMMANDS) {
      CommandLine sub = cl.getSubcommands().get(freeText);
      if (sub != null) {
        QueryWords.acceptMinusWords(sub);
      }
    }
    addHelpOptions(cl);
    EmptyValues.install(cl);
    cl.setExecutionStrategy(parseResult -> {
      CommandLine last = lastCommand(parseResult);
      if (QueryWords.helpAsked(last)) {
        last.usage(last.getOut());
        return ExitCodes.OK;
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
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
      // One line, like every other error: scripts read the first line, people read the hint at its end.
      CommandLine bad = ex.getCommandLine();
      String message = String.valueOf(ex.getMessage()).strip();
      int nl = message.indexOf('\n');
      StringBuilder line = new StringBuilder("lede: ").append(nl < 0 ? message : message.substring(0, nl).strip());
      java.util.List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions()
          : ex instanceof QueryWords.UnknownOption o && !o.suggestion().isEmpty() ? java.util.List.of(o.suggestion())
          : java.util.List.of();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))).append("?)");
      } else {
        line.append(" (see '").append(bad.getCommandSpec().qualifiedName()).append(" --help')");
      }
      err.println(line);
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  /**
   * Gives every subcommand, at any depth, {@code -h/--help}, unless it has its own. Done here rather
   * than per class so that a command added later cannot miss it: every error message ends with
   * "see 'lede X --help'", and that hint has to work (issue 15). A usage-help option also lets
   * picocli skip the check of required parameters, so {@code lede show --help} prints help.
   */
  private static void addHelpOptions(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.optionsMap().get("--help") == null && spec.optionsMap().get("-h") == null) {
        // A command that takes -word as a query word cannot give picocli -h: picocli would read
        // "-hungary" as -h with a stray value. QueryWords answers a lone -h there instead.
        boolean freeText = QueryWords.takesMinusWords(sub);
        spec.addOption(CommandLine.Model.OptionSpec.builder(freeText ? new String[] {"--help"} : new String[] {"-h", "--help"})
            .usageHelp(true)
            .description(freeText ? "Show this help and exit (also -h)." : "Show this help and exit.")
            .build());
      }
      addHelpOptions(sub);
    }
  }

  private static CommandLine lastCommand(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p.hasSubcommand()) {
      p = p.subcommand();
    }
    return p.commandSpec().commandLine();
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof IndexUnavailableException) {
      return ExitCodes.INDEX_UNAVAILABLE;
    }
    if (ex instanceof QuerySyntaxException || ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof UnsupportedOperationException) {
      return ExitCodes.USAGE; // a command or option the chosen backend does not offer
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

  /** The SolrCloud address (--solr, else $LEDE_SOLR), or null for the embedded index. */
  String solrAddress() {
    String address = solr != null ? solr : env.get("LEDE_SOLR");
    return address == null || address.isBlank() ? null : address.strip();
  }

  /** The Solr collection or alias: --collection, else $LEDE_COLLECTION, else {@value #DEFAULT_COLLECTION}. */
  String collectionName() {
    String name = collection != null ? collection : env.get("LEDE_COLLECTION");
    return name == null || name.isBlank() ? DEFAULT_COLLECTION : name.strip();
  }

  /** Whether commands run against a SolrCloud cluster. */
  boolean onSolr() {
    return solrAddress() != null;
  }

  /** Where the index is, for summaries: the directory, or the Solr collection and address. */
  String indexName() {
    return onSolr() ? "solr:" + collectionName() + " at " + solrAddress() : indexDir().toString();
  }

  /*
   * The one place that chooses the backend. Solr's client classes live behind SolrBackend, which the
   * JVM loads only when --solr (or LEDE_SOLR) is given: the embedded path never loads SolrJ.
   */

  /** Opens the index for reading only: searches never wait for, or block, a writer. */
  NewsIndex openForReading() {
    return openForReading(IndexOptions.defaults());
  }

  /** As {@link #openForReading()}, with other options for the embedded index (read-only is set here). */
  NewsIndex openForReading(IndexOptions options) {
    if (onSolr()) {
      return SolrBackend.connect(solrAddress(), collectionName());
    }
    return NewsIndex.openExisting(indexDir(), options.withReadOnly(true));
  }

  /** Opens the index for writing, creating an embedded one when missing (a Solr collection must exist). */
  NewsIndex openForWriting() {
    return openForWriting(IndexOptions.defaults());
  }

  /** As {@link #openForWriting()}, with these options for the embedded index (Solr's are its own). */
  NewsIndex openForWriting(IndexOptions options) {
    if (onSolr()) {
      return SolrBackend.connect(solrAddress(), collectionName());
    }
    return NewsIndex.open(indexDir(), options);
  }

  /** Opens an existing index for writing. */
  NewsIndex openExistingForWriting() {
    if (onSolr()) {
      return SolrBackend.connect(solrAddress(), collectionName());
    }
    return NewsIndex.openExisting(indexDir());
  }

  /** Refuses, with exit code 2, what only the embedded index does. */
  void embeddedOnly(String what) {
    if (onSolr()) {
      throw new UnsupportedOperationException(what + " works on the embedded index only, not on Solr (drop --solr"
          + (env.get("LEDE_SOLR") != null && solr == null ? " and unset LEDE_SOLR" : "") + ")");
    }
  }

  /** Refuses, with exit code 2, what only Solr does. */
  void solrOnly(String what) {
    if (!onSolr()) {
      throw new IllegalArgumentException(what + " needs a SolrCloud cluster: give --solr URL (or set LEDE_SOLR)");
    }
  }

  Map<String, String> env() {
    return env;
  }

  java.io.InputStream stdin() {
    return stdin;
  }

  /** Whether Lede runs in a terminal, where a person can confirm a question on stdin. */
  boolean interactive() {
    return interactive;
  }

  /**
   * Writes why a command found nothing to stderr, as {@code lede: note: ...}, unless the output
   * already carries it (a JSON field) or -q asked for results only.
   */
  void note(String note, boolean carried) {
    if (note != null && !carried && !quiet) {
      spec.commandLine().getErr().println("lede: note: " + note);
    }
  }

  boolean colour() {
    return ColorPolicy.enabled(color, env, ColorPolicy.stdoutIsTerminal());
  }

  /**
   * Prints a search's answer (search and similar): the hits in their format, the note saying why
   * nothing was found where the format has no place for it, and the summary line of the formats
   * without a total or a cursor.
   *
   * @return the exit code: 1 when nothing was found
   */
  int print(Answers.Searched answer, ResultRenderer renderer, OutputFormat format) {
    SearchResult r = answer.result();
    renderer.render(r, answer.note(), spec.commandLine().getOut());
    note(answer.note(), renderer.carriesNote());
    if (ResultRenderer.needsSummaryLine(format) && !quiet) {
      spec.commandLine().getErr().println(ResultRenderer.summary(r));
    }
    return r.total() == 0 ? ExitCodes.NOTHING_FOUND : ExitCodes.OK;
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
