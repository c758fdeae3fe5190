package dev.lede.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the configured command line that {@link Main} and every CLI test run. */
@Command(name = "lede", mixinStandardHelpOptions = true, version = "lede 0.1.0", description = "News search on Lucene.")
public final class LedeCli implements Runnable {
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new LedeCli());
    cl.setOut(out);
    cl.setErr(err);
    return cl;
  }

  @Override
  public void run() {}
}
