package dev.lede.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A command that groups subcommands working on the embedded index ({@code lede synonyms ...},
 * {@code lede semantic ...}): run alone it prints its usage; its subcommands share the parent,
 * {@code --format} and the refusal on SolrCloud (exit 2, naming what is embedded-only).
 */
@Command(addMethodSubcommands = false)
abstract class CommandGroup implements Runnable {
  @ParentCommand LedeCli lede;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What the refusal on SolrCloud names, e.g. "synonyms (...)". */
  abstract String embeddedOnly();

  /** A subcommand of a group: runs against the embedded index, in text or JSON. */
  abstract static class Sub implements Callable<Integer> {
    @ParentCommand CommandGroup parent;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    TextOrJson format;

    @Override
    public final Integer call() {
      LedeCli lede = parent.lede;
      lede.embeddedOnly(parent.embeddedOnly());
      return run(lede, lede.spec.commandLine().getOut());
    }

    abstract int run(LedeCli lede, PrintWriter out);
  }
}
