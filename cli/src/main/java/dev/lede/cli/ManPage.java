package dev.lede.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code lede(1)}, a troff man page, from the same picocli model that parses the command line,
 * so the page can never describe an option the program does not have. The build runs it (cli/pom.xml)
 * into {@code cli/target/man/lede.1}; read it with {@code man cli/target/man/lede.1}.
 *
 * <p>Written here rather than through picocli's AsciiDoc generator: that needs Asciidoctor (JRuby) at
 * build time to become a man page, a large dependency for one small file.
 */
public final class ManPage {
  private ManPage() {}

  /** {@code ManPage OUTPUT_FILE}: writes the page, creating parent directories. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ManPage OUTPUT_FILE");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(LedeCli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), java.util.Map.of()), w);
    }
  }

  /** The man page of this command line. */
  static String render(CommandLine root) {
    StringWriter s = new StringWriter();
    try {
      write(root, s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return s.toString();
  }

  static void write(CommandLine root, Writer w) throws IOException {
    CommandSpec spec = root.getCommandSpec();
    String name = spec.name();
    String version = String.join(" ", spec.version()).trim();
    Troff t = new Troff(w);
    t.macro(".TH " + name.toUpperCase(Locale.ROOT) + " 1 \"\" \"" + escape(version.isEmpty() ? name : version) + "\" \"Lede Manual\"");
    t.section("NAME");
    t.text(name + " \\- " + escape(plain(String.join(" ", spec.usageMessage().header()))));
    t.section("SYNOPSIS");
    t.macro(".B " + name);
    t.text("[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]");
    t.section("DESCRIPTION");
    t.text(escape(plain(String.join(" ", spec.usageMessage().description()))));
    t.macro(".PP");
    t.text("Global options go before the command: \\fBlede \\-\\-index\\fR \\fIDIR\\fR \\fBsearch\\fR \\fIQUERY\\fR. "
        + "Results go to standard output; every message goes to standard error.");
    t.section("GLOBAL OPTIONS");
    options(t, spec);
    t.section("COMMANDS");
    for (CommandLine sub : root.getSubcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (s.usageMessage().hidden() || !s.name().equals(sub.getCommandName())) {
        continue; // aliases are listed under their command
      }
      t.macro(".SS " + escape(s.name()));
      t.macro(".nf");
      t.text(escape(plain(new Help(s, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0)).strip()));
      t.macro(".fi");
      t.text(escape(plain(String.join(" ", s.usageMessage().header()))));
      String description = plain(String.join("\n", s.usageMessage().description())).strip();
      if (!description.isEmpty()) {
        t.macro(".PP");
        t.text(escape(description));
      }
      for (PositionalParamSpec p : s.positionalParameters()) {
        if (p.hidden()) {
          continue;
        }
        t.macro(".TP");
        t.text("\\fI" + escape(p.paramLabel()) + "\\fR");
        t.text(escape(plain(String.join(" ", p.description()))));
      }
      options(t, s);
    }
    t.section("EXIT STATUS");
    for (var e : spec.usageMessage().exitCodeList().entrySet()) {
      t.macro(".TP");
      t.text("\\fB" + escape(e.getKey().strip()) + "\\fR");
      t.text(escape(plain(e.getValue())));
    }
    t.section("ENVIRONMENT");
    for (var e : LedeCli.ENVIRONMENT.entrySet()) {
      t.macro(".TP");
      t.text("\\fB" + escape(e.getKey()) + "\\fR");
      t.text(escape(e.getValue()));
    }
    t.section("EXAMPLES");
    t.macro(".nf");
    for (String line : List.of(
        "lede index sample-corpus/",
        "lede search 'kim jong un' --since 30d --facets",
        "lede search '\"heat wave\"' --source bbc.co.uk --format json",
        "cat crawl.jsonl | lede index --format jsonl -",
        "lede similar ID --limit 5")) {
      t.text(escape(line));
    }
    t.macro(".fi");
    t.section("SEE ALSO");
    t.text("\\fBlede help\\fR \\fICOMMAND\\fR, and README.md and docs/ in the source tree.");
  }

  private static void options(Troff t, CommandSpec spec) throws IOException {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      StringBuilder names = new StringBuilder();
      for (String n : o.names()) {
        if (names.length() > 0) {
          names.append(", ");
        }
        names.append("\\fB").append(escape(n)).append("\\fR");
      }
      if (o.arity().max() > 0) {
        names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
      }
      t.macro(".TP");
      t.text(names.toString());
      String description = plain(String.join(" ", o.description()));
      String dflt = o.defaultValue();
      if (dflt != null && !dflt.isBlank() && !description.contains("default")) {
        boolean sentence = description.endsWith(".");
        description = (sentence ? description.substring(0, description.length() - 1) : description)
            + " (default: " + dflt + ")" + (sentence ? "." : "");
      }
      t.text(escape(description));
    }
  }

  /** picocli's own markup out: format specifiers and ${...} variables it did not interpolate. */
  private static String plain(String s) {
    return s.replace("%n", "\n").replace("%%", "%");
  }

  /** Escapes troff's backslash, hyphens (so they stay hyphens when copied) and a leading control character. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (String line : s.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      String e = line.replace("\\", "\\e").replace("-", "\\-");
      if (e.startsWith(".") || e.startsWith("'")) {
        e = "\\&" + e;
      }
      b.append(e);
    }
    return b.toString();
  }

  /** Line-oriented troff output: requests on their own lines, text never starting with one. */
  private record Troff(Writer w) {
    void macro(String line) throws IOException {
      w.write(line);
      w.write('\n');
    }

    void section(String title) throws IOException {
      macro(".SH " + title);
    }

    void text(String escaped) throws IOException {
      for (String line : escaped.split("\n")) {
        if (!line.isBlank()) {
          w.write(line);
          w.write('\n');
        }
      }
    }
  }
}
