package dev.lede.read;

import dev.lede.article.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the readers put what they read: forwards to the listener and keeps the counts of a {@link ReadReport}. */
final class Sink {
  private final ReadListener listener;
  private final Map<InputFormat, Long> byFormat = new EnumMap<>(InputFormat.class);
  private final Map<String, Long> bySource = new HashMap<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private long files;
  private long articles;
  private long rejected;
  private long bytes;

  Sink(ReadListener listener) {
    this.listener = listener;
  }

  void article(Article article, Origin origin) {
    articles++;
    byFormat.merge(origin.format(), 1L, Long::sum);
    bySource.merge(article.source() == null ? ReadReport.NO_SOURCE : article.source(), 1L, Long::sum);
    listener.article(article, origin);
  }

  void reject(Rejection rejection) {
    rejected++;
    listener.rejected(rejection);
  }

  void skip(Path file, String why) {
    skipped.add(new Skipped(file.toString(), why));
    listener.skipped(file, why);
  }

  void fileOpened() {
    files++;
  }

  void bytesRead(long n) {
    bytes += n;
  }

  ReadReport report() {
    return new ReadReport(files, articles, rejected, byFormat, bySource, skipped, bytes);
  }

  /** The view of this sink that one reader gets for one file. */
  FileSink forFile(String name) {
    return new FileSink(this, name);
  }

  /** A sink bound to one file, so readers only say where in the file; it remembers how far they got. */
  static final class FileSink {
    private final Sink sink;
    private final String file;
    private long last;
    private Rejection.Unit unit = Rejection.Unit.LINE;
    private java.util.function.BooleanSupplier inputFailed = () -> false;

    private FileSink(Sink sink, String file) {
      this.sink = sink;
      this.file = file;
    }

    void article(Article article, long record, InputFormat format) {
      last = Math.max(last, record);
      sink.article(article, new Origin(file, record, format));
    }

    void rejectLine(long line, String reason) {
      reached(line, Rejection.Unit.LINE);
      sink.reject(new Rejection(file, line, reason, Rejection.Unit.LINE));
    }

    void rejectRecord(long record, String reason) {
      reached(record, Rejection.Unit.RECORD);
      sink.reject(new Rejection(file, record, reason, Rejection.Unit.RECORD));
    }

    void rejectFile(String reason) {
      sink.reject(new Rejection(file, 0, reason, Rejection.Unit.FILE));
    }

    void skip(String name, String why) {
      Path path;
      try {
        path = Path.of(name);
      } catch (java.nio.file.InvalidPathException e) {
        path = Path.of("-"); // a stream's display name need not be a valid path
      }
      sink.skip(path, why);
    }

    private void reached(long record, Rejection.Unit u) {
      last = Math.max(last, record);
      unit = u;
    }

    /**
     * Whether the input stream failed (truncated gzip data, the decompression limit). A reader then
     * drops the partial record at the end instead of rejecting it: the failure itself is reported
     * once, for the file, after the reader returns.
     */
    boolean inputFailed() {
      return inputFailed.getAsBoolean();
    }

    void watch(java.util.function.BooleanSupplier failed) {
      inputFailed = failed;
    }

    /** What the reader's record numbers count: lines or records. */
    void counts(Rejection.Unit u) {
      unit = u;
    }

    /** "line 1234", "record 7", or "" before any record: how far reading got, for errors that end a file. */
    String progress() {
      if (last == 0) {
        return "";
      }
      return switch (unit) {
        case FILE -> "";
        case LINE -> "line " + last;
        case RECORD -> "record " + last;
      };
    }
  }
}
