package dev.lede.cli;

/** The `lede` command's entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(LedeCli.commandLine(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true)).execute(args));
  }
}
