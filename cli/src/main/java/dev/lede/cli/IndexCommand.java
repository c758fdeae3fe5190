package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.NewsIndex;
import dev.lede.UpsertOutcome;
import dev.lede.article.Article;
import dev.lede.cli.render.Json;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.ReadReport;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede index PATH...}: reads articles and upserts them into the index. */
@Command(name = "index", header = "Index articles from files, directories or standard input (-).",
    description = "Formats: scraped posts (.txt), JSON, JSON Lines, news-please, each optionally gzipped. "
        + "An article already indexed with the same content is skipped; a changed one is replaced.")
final class IndexCommand implements java.util.concurrent.Callable<Integer> {
  /** Articles per request to a Solr cluster: as many as SolrNewsIndex sends in one update. */
  private static final int BATCH_ON_SOLR = 500;

  @ParentCommand LedeCli lede;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories (walked recursively) or - for standard input.")
  List<String> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Input format: auto, post, json, jsonl, newsplease (default: auto, by extension and content).")
  String format;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing and indexing articles (default: cores).")
  Integer threads;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected records to FILE as JSON Lines {file, record, reason}.")
  Path rejects;

  @Option(names = "--commit-every", paramLabel = "N", description = "Commit after every N articles (default: once at the end).")
  Integer commitEvery;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "Summary format: text or json.")
  String output;

  @Override
  public Integer call() throws Exception {
    InputFormat inputFormat = InputFormat.parse(format);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + n);
    }
    if (commitEvery != null && commitEvery < 1) {
      throw new IllegalArgumentException("--commit-every must be at least 1, got " + commitEvery);
    }
    PrintWriter err = lede.spec.commandLine().getErr();
    PrintWriter out = lede.spec.commandLine().getOut();
    long start = System.nanoTime();
    AtomicLong added = new AtomicLong();
    AtomicLong replaced = new AtomicLong();
    AtomicLong unchanged = new AtomicLong();
    List<Rejection> rejected = java.util.Collections.synchronizedList(new ArrayList<>());
    Progress progress = new Progress(err, !lede.quiet && isTerminal());
    try (NewsIndex index = lede.openForWriting();
         BufferedWriter rejectsOut = rejects == null ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
      ExecutorService pool = Executors.newFixedThreadPool(n);
      // A cluster is written in batches (one request each); the embedded index article by article.
      int batchSize = lede.onSolr() ? BATCH_ON_SOLR : 1;
      Semaphore inFlight = new Semaphore(batchSize == 1 ? n * 64 : n * 2); // bounded: memory stays flat however large the input
      java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
      AtomicLong sinceCommit = new AtomicLong();
      List<Article> buffer = new ArrayList<>();
      java.util.function.Consumer<List<Article>> submit = batch -> {
        inFlight.acquireUninterruptibly();
        pool.execute(() -> {
          try {
            for (UpsertOutcome o : index.upsertAll(batch)) {
              (o == UpsertOutcome.ADDED ? added : o == UpsertOutcome.REPLACED ? replaced : unchanged).incrementAndGet();
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } finally {
            inFlight.release();
          }
        });
      };
      ReadListener listener = new ReadListener() {
        @Override
        public void article(Article article, Origin origin) {
          if (failure.get() != null) {
            throw failure.get(); // stops the read: the index is failing, not the input
          }
          synchronized (buffer) {
            buffer.add(article);
            if (buffer.size() >= batchSize) {
              submit.accept(List.copyOf(buffer));
              buffer.clear();
            }
          }
          if (commitEvery != null && sinceCommit.incrementAndGet() % commitEvery == 0) {
            index.commit();
          }
          progress.tick(added.get() + replaced.get() + unchanged.get(), rejected.size());
        }

        @Override
        public void rejected(Rejection r) {
          rejected.add(r);
          if (lede.verbose || rejected.size() <= 10) {
            err.println("lede: rejected " + r);
          } else if (rejected.size() == 11 && !lede.quiet) {
            err.println("lede: more rejected records follow (see --rejects FILE or -v)");
          }
          if (rejectsOut != null) {
            ObjectNode o = Json.object().put("file", r.file()).put("record", r.record()).put("reason", r.reason());
            try {
              rejectsOut.write(Json.compact(o));
              rejectsOut.newLine();
            } catch (IOException e) {
              throw new UncheckedIOException("cannot write " + rejects + ": " + e.getMessage(), e);
            }
          }
        }

        @Override
        public void skipped(Path file, String why) {
          if (lede.verbose) {
            err.println("lede: skipped " + file + ": " + why);
          }
        }
      };
      ReadReport report = read(listener);
      synchronized (buffer) {
        if (!buffer.isEmpty()) {
          submit.accept(List.copyOf(buffer));
          buffer.clear();
        }
      }
      pool.shutdown();
      if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS)) {
        throw new IllegalStateException("indexing threads did not finish");
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      index.commit();
      progress.done();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (output.equalsIgnoreCase("json")) {
        ObjectNode o = Json.object()
            .put("index", lede.indexName())
            .put("files", report.files())
            .put("read", report.articles())
            .put("added", added.get())
            .put("replaced", replaced.get())
            .put("unchanged", unchanged.get())
            .put("rejected", rejected.size())
            .put("skipped_files", report.skipped().size())
            .put("seconds", Math.round(seconds * 1000) / 1000.0);
        out.println(Json.pretty(o));
      } else if (!lede.quiet) {
        out.println(String.format(Locale.ROOT, "read %d, added %d, replaced %d, unchanged %d, rejected %d in %.1f s (%d files, %d skipped) into %s",
            report.articles(), added.get(), replaced.get(), unchanged.get(), rejected.size(), seconds,
            report.files(), report.skipped().size(), lede.indexName()));
      }
      return rejected.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }

  private ReadReport read(ReadListener listener) {
    InputFormat inputFormat = InputFormat.parse(format);
    List<Path> files = new ArrayList<>();
    ReadReport stdin = null;
    for (String p : paths) {
      if (p.equals("-")) {
        stdin = ArticleInputs.read(lede.stdin(), "-", inputFormat == InputFormat.AUTO ? InputFormat.JSONL : inputFormat, listener);
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
    ReadReport fromFiles = files.isEmpty() ? null : ArticleInputs.read(files, inputFormat, listener);
    if (stdin == null) {
      return fromFiles;
    }
    if (fromFiles == null) {
      return stdin;
    }
    return new ReadReport(stdin.files() + fromFiles.files(), stdin.articles() + fromFiles.articles(),
        stdin.rejected() + fromFiles.rejected(), fromFiles.articlesByFormat(), fromFiles.articlesBySource(), fromFiles.skipped(),
        stdin.bytes() + fromFiles.bytes());
  }

  private static boolean isTerminal() {
    return ColorPolicy.stdoutIsTerminal();
  }

  /** One progress line on stderr, rewritten in place, at most every 200 ms; only on a terminal. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long start = System.nanoTime();
    private long last;

    Progress(PrintWriter err, boolean on) {
      this.err = err;
      this.on = on;
    }

    synchronized void tick(long articles, long rejects) {
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
  }
}
