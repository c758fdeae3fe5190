package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.BackupReport;
import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede backup DEST}: a point-in-time copy of the index, taken beside a running writer. */
@Command(name = "backup", addMethodSubcommands = false, header = "Copy the index as of its last commit into DEST, while indexing goes on.",
    description = {"DEST must be new or empty. It gets the last commit's files (hard links where the file system allows: "
        + "Lucene never changes a file once written; else copies), the learned boilerplate, the synonyms and the "
        + "generation layout, and opens as a Lede index as it is: `lede --index DEST check`.",
        "Takes no lock: a running `lede index` goes on, and what it has not committed is not in the backup. Until the "
            + "copy is whole, DEST holds lede-backup-incomplete, and opening or checking it says it is an incomplete backup.",
        "Hard links share the disk with the index: use --copy, or copy DEST elsewhere, to survive a failing disk."})
final class BackupCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(paramLabel = "DEST", description = "A new or empty directory for the backup.")
  Path dest;

  @Option(names = "--copy", description = "Copy every file, hard-link none (a backup that shares no file with the index).")
  boolean copy;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    lede.embeddedOnly("backup (it copies the embedded index's files; on Solr, use the collection BACKUP API)");
    BackupReport r;
    try (NewsIndex index = lede.openForReading()) {
      r = index.backup(dest, copy);
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      ObjectNode o = Json.object().put("index", lede.indexDir().toString()).put("destination", r.destination().toString())
          .put("generation", r.generation()).put("commit", r.commit()).put("articles", r.articles()).put("files", r.files())
          .put("linked", r.linked()).put("bytes", r.bytes()).put("retries", r.retries()).put("millis", r.took().toMillis());
      out.println(Json.pretty(o));
    } else if (!lede.quiet) {
      out.println(String.format(Locale.ROOT, "backed up %s (commit %d%s) to %s: %,d articles, %d files (%d hard-linked), %s in %.1f s",
          lede.indexDir(), r.commit(), r.generation().equals(".") ? "" : ", generation " + r.generation(), r.destination(),
          r.articles(), r.files(), r.linked(), size(r.bytes()), r.took().toMillis() / 1000.0));
      if (r.retries() > 0) {
        lede.note("the writer merged files away during the copy: started over " + r.retries() + (r.retries() == 1 ? " time" : " times"), false);
      }
    }
    return ExitCodes.OK;
  }

  private static String size(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
  }
}
