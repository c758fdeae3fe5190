package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.IngestListener;
import dev.lede.IndexOptions;
import dev.lede.IngestOptions;
import dev.lede.prepare.Preparer;
import dev.lede.IngestReport;
import dev.lede.NewsIndex;
import dev.lede.PrunePreview;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.read.ArticleSource;
import dev.lede.read.InputFormat;
import dev.lede.read.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede index PATH...}: reads articles and upserts them into the index. */
@Command(name = "index", addMethodSubcommands = false, header = "Index articles from files, directories or standard input (-).",
    description = "Formats: scraped posts (.txt), JSON, JSON Lines, CSV with a header row (.csv), news-please, each optionally gzipped. "
        + "An article already indexed with the same content is skipped; a changed one is replaced.")
final class IndexCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories (walked recursively) or - for standard input.")
  List<String> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Input format: auto, post, json, jsonl, newsplease, csv (default: auto, by extension and content).")
  String format;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing and indexing articles, beside the one reading (default: cores).")
  Integer threads;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected records to FILE as JSON Lines {file, record, reason}.")
  Path rejects;

  @Option(names = "--commit-every", paramLabel = "N", description = "Commit after every N articles (default: once at the end).")
  Integer commitEvery;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "Summary format: text or json.")
  String output;

  @Option(names = "--prune", description = "After reading every input, delete the indexed articles the input no longer has "
      + "(refused when any record could not be read). In a terminal, asks before deleting more than "
      + IndexCommand.CONFIRM_ABOVE + " articles; in a script it does not ask.")
  boolean prune;

  @Option(names = "--dry-run", description = "With --prune: write nothing, only list the articles pruning would delete.")
  boolean dryRun;

  @Option(names = {"-y", "--yes"}, description = "With --prune: delete without asking, even in a terminal.")
  boolean yes;

  @Option(names = "--entities", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Extract entities from articles that bring none (default). --no-entities keeps only the entities the input gives.")
  boolean entities;

  @Option(names = "--grouping", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Group near-duplicate copies into stories (default). --no-grouping still finds exact copies.")
  boolean grouping;

  /** Pruning more articles than this asks first, in a terminal: a wrong path should not empty an index unasked. */
  static final int CONFIRM_ABOVE = 5;

  @Override
  public Integer call() throws Exception {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + n);
    }
    if (commitEvery != null && commitEvery < 1) {
      throw new IllegalArgumentException("--commit-every must be at least 1, got " + commitEvery);
    }
    if (!output.equalsIgnoreCase("json") && !output.equalsIgnoreCase("text")) {
      throw new IllegalArgumentException("--output must be text or json, got '" + output + "'");
    }
    if ((dryRun || yes) && !prune) {
      throw new IllegalArgumentException((dryRun ? "--dry-run" : "--yes") + " only goes with --prune");
    }
    ArticleSource source = source(lede, paths, InputFormat.parse(format));
    if (dryRun) {
      return previewPrune(source);
    }
    IngestOptions options = IngestOptions.defaults().withThreads(n).withCommitEvery(commitEvery == null ? 0 : commitEvery).withPrune(prune);
    PrintWriter err = lede.spec.commandLine().getErr();
    IndexOptions indexOptions = IndexOptions.defaults();
    if (!entities) {
      indexOptions = indexOptions.withPreparer(Preparer.builder().withoutEntities().build());
    }
    if (!grouping) {
      indexOptions = indexOptions.withStories(indexOptions.stories().withGrouping(false));
    }
    try (NewsIndex index = lede.openForWriting(indexOptions);
         IngestProgress progress = new IngestProgress(lede, rejects, yes)) {
      IngestReport report = index.ingest(source, options, progress);
      progress.done();
      if (report.pruneRefused() != null) {
        err.println("lede: not pruning: " + report.pruneRefused());
      }
      PrintWriter out = lede.spec.commandLine().getOut();
      if (output.equalsIgnoreCase("json")) {
        out.println(Json.pretty(json(report, lede.indexName()).put("trimmed_fields", progress.trimmed())));
      } else if (!lede.quiet) {
        out.println(summary(report) + " into " + lede.indexName());
      }
      return report.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }

  /** {@code --prune --dry-run}: what pruning would delete, with nothing written (issue 15). */
  private int previewPrune(ArticleSource source) throws IOException {
    PrintWriter out = lede.spec.commandLine().getOut();
    try (NewsIndex index = lede.openForReading();
         IngestProgress progress = new IngestProgress(lede, rejects, false)) {
      PrunePreview p = index.previewPrune(source, progress);
      if (output.equalsIgnoreCase("json")) {
        ObjectNode o = Json.object().put("index", lede.indexName()).put("dry_run", true).put("read", p.read())
            .put("rejected", p.rejected());
        com.fasterxml.jackson.databind.node.ArrayNode ids = o.putArray("would_prune");
        p.wouldDelete().forEach(ids::add);
        if (p.refused() != null) {
          o.put("prune_refused", p.refused());
        }
        out.println(Json.pretty(o));
      } else {
        for (String id : p.wouldDelete()) {
          out.println("would prune " + id + "  " + index.get(id).map(a -> TextLines.oneLine(a.headline(), 100)).orElse(""));
        }
        if (p.refused() != null) {
          lede.spec.commandLine().getErr().println("lede: not pruning: " + p.refused());
        }
        if (!lede.quiet) {
          out.println("dry run: read " + p.read() + ", would prune " + p.wouldDelete().size() + " of " + lede.indexName()
              + "; nothing was written");
        }
      }
      return p.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }

  /** The summary object of an ingest, shared by index and reindex: fields are only ever added. */
  static ObjectNode json(IngestReport report, String index) {
    ObjectNode o = Json.object()
        .put("index", index)
        .put("files", report.files())
        .put("read", report.read())
        .put("added", report.added())
        .put("replaced", report.replaced())
        .put("unchanged", report.unchanged())
        .put("rejected", report.rejected())
        .put("exact_duplicates", report.exactDuplicates())
        .put("pruned", report.pruned())
        .put("skipped_files", report.skipped().size())
        .put("seconds", Math.round(report.elapsed().toMillis()) / 1000.0);
    if (report.pruneRefused() != null) {
      o.put("prune_refused", report.pruneRefused());
    }
    return o;
  }

  /** One line: {@code read 12, added 10, replaced 1, unchanged 1, rejected 0 in 0.4 s (3 files, 0 skipped)}. */
  static String summary(IngestReport report) {
    String pruned = report.pruned() > 0 ? String.format(Locale.ROOT, ", pruned %d", report.pruned()) : "";
    if (report.exactDuplicates() > 0) {
      pruned += String.format(Locale.ROOT, ", %d exact duplicate%s (-v names them)", report.exactDuplicates(),
          report.exactDuplicates() == 1 ? "" : "s");
    }
    return String.format(Locale.ROOT, "read %d, added %d, replaced %d, unchanged %d, rejected %d%s in %.1f s (%d files, %d skipped)",
        report.read(), report.added(), report.replaced(), report.unchanged(), report.rejected(), pruned,
        report.elapsed().toNanos() / 1e9, report.files(), report.skipped().size());
  }

  /** The inputs as one source, standard input first; a path that is missing or unreadable is a usage error. */
  static ArticleSource source(LedeCli lede, List<String> paths, InputFormat inputFormat) {
    List<Path> files = new ArrayList<>();
    boolean stdin = false;
    for (String p : paths) {
      if (p.equals("-")) {
        stdin = true;
      } else {
        Path path = Path.of(p);
        if (!Files.exists(path)) {
          throw new IllegalArgumentException("no such file or directory: " + p);
        }
        if (!Files.isReadable(path)) {
          throw new IllegalArgumentException("cannot read " + p + ": permission denied");
        }
        files.add(path);
      }
    }
    List<ArticleSource> sources = new ArrayList<>();
    if (stdin) {
      sources.add(ArticleSource.stream(lede.stdin(), "-", inputFormat == InputFormat.AUTO ? InputFormat.JSONL : inputFormat));
    }
    if (!files.isEmpty()) {
      sources.add(ArticleSource.files(files, inputFormat));
    }
    return ArticleSource.concat(sources);
  }

  private static boolean isTerminal() {
    return ColorPolicy.stdoutIsTerminal();
  }

  /**
   * Hears an ingest for the CLI: the first rejections (all with -v) on stderr, every one to the
   * --rejects file, and one progress line on stderr, rewritten in place at most every 200 ms, only
   * on a terminal.
   */
  static final class IngestProgress implements IngestListener, AutoCloseable {
    private final LedeCli lede;
    private final PrintWriter err;
    private final boolean on;
    private final Path rejectsPath;
    private final BufferedWriter rejectsOut;
    private final long start = System.nanoTime();
    private long rejected;
    private long trimmed;
    private long last;

    private final boolean confirmed;

    IngestProgress(LedeCli lede, Path rejects) throws IOException {
      this(lede, rejects, false);
    }

    /** @param confirmed whether --yes answered the pruning question in advance */
    IngestProgress(LedeCli lede, Path rejects, boolean confirmed) throws IOException {
      this.lede = lede;
      this.confirmed = confirmed;
      this.err = lede.spec.commandLine().getErr();
      this.on = !lede.quiet && isTerminal();
      this.rejectsPath = rejects;
      this.rejectsOut = rejects == null ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void rejected(Rejection r) {
      rejected++;
      if (lede.verbose || rejected <= 10) {
        err.println("lede: rejected " + r);
      } else if (rejected == 11 && !lede.quiet) {
        err.println("lede: more rejected records follow (see --rejects FILE or -v)");
      }
      if (rejectsOut != null) {
        ObjectNode o = Json.object().put("file", r.file()).put("record", r.record()).put("reason", r.reason());
        try {
          rejectsOut.write(Json.compact(o));
          rejectsOut.newLine();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + rejectsPath + ": " + e.getMessage(), e);
        }
      }
    }

    @Override
    public synchronized void warning(String message) {
      trimmed++;
      err.println("lede: warning: " + message);
    }

    synchronized long trimmed() {
      return trimmed;
    }

    /**
     * In a terminal, more than {@value IndexCommand#CONFIRM_ABOVE} articles to prune need a yes on
     * stdin (or --yes): a mistyped path would otherwise empty the index (issue 15). A script is not
     * asked, as before: it has no one to answer, and its author chose --prune.
     */
    @Override
    public boolean confirmPrune(List<String> ids) {
      if (confirmed || !lede.interactive() || ids.size() <= CONFIRM_ABOVE) {
        return true;
      }
      done();
      err.print("lede: pruning will delete " + ids.size() + " articles of " + lede.indexName() + " that the input does not have ("
          + String.join(", ", ids.subList(0, 3)) + ", ...; --dry-run lists them). Delete them? [y/N] ");
      err.flush();
      String answer;
      try {
        answer = new java.io.BufferedReader(new java.io.InputStreamReader(lede.stdin(), StandardCharsets.UTF_8)).readLine();
      } catch (IOException e) {
        answer = null;
      }
      boolean yes = answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
      if (answer == null) {
        err.println();
      }
      return yes;
    }

    @Override
    public void duplicate(String id, String duplicateOf) {
      if (lede.verbose) {
        err.println("lede: " + id + " has the same text as " + duplicateOf + " (indexed; one story)");
      }
    }

    @Override
    public void skipped(Path file, String why) {
      if (lede.verbose) {
        err.println("lede: skipped " + file + ": " + why);
      }
    }

    @Override
    public synchronized void progress(long articles, long rejects) {
      long now = System.nanoTime();
      if (!on || now - last < 200_000_000L) {
        return;
      }
      last = now;
      double secs = Math.max(1e-3, (now - start) / 1e9);
      err.print(String.format(Locale.ROOT, "\r%d articles, %.0f/s, %d rejected", articles, articles / secs, rejects));
      err.flush();
    }

    synchronized void done() {
      if (on && last != 0) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (rejectsOut != null) {
        rejectsOut.close();
      }
    }
  }
}
