package dev.lede.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code lede} command's entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  /** Held so the JUL configuration below is not garbage-collected. */
  private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    // SLF4J warns on stderr when no logger is bound, the first time a library asks for a logger
    // (SolrJ; the language detector at ingest): noise for a command-line user.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    // Lucene logs a hint about the incubating Vector API at start-up: noise for a command-line user.
    LUCENE.setLevel(java.util.logging.Level.OFF);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = LedeCli.commandLineFor(args, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
