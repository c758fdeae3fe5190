package dev.lede.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.BadInputException;
import dev.lede.article.Article;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads articles from files, directories and streams in any supported {@link InputFormat}.
 *
 * <p>Each file's format comes from its name ({@code .txt} post, {@code .json} JSON, {@code .jsonl}
 * or {@code .ndjson} JSON Lines, {@code .csv} CSV; {@code .gz} is decompressed and the name under it decides) or,
 * when the name says nothing, from its first bytes. A format other than {@link InputFormat#AUTO}
 * overrides that for every file. Gzip is recognised by its magic bytes whatever the name.
 *
 * <p>Directories are walked recursively in name order, so two runs see the same files in the same
 * order. Inside a directory, hidden entries (name starting with a dot) and files without a known
 * extension are skipped and reported as {@link Skipped}; a file named explicitly is always read.
 *
 * <p>Nothing here throws for bad input: a missing file, a binary file, a bad record each become a
 * {@link Rejection} and reading goes on. Only the listener's own exceptions escape.
 */
public final class ArticleInputs {
  private ArticleInputs() {}

  /** How many bytes of a file are looked at to choose its format. */
  private static final int SNIFF_BYTES = 1 << 16;

  /**
   * Small on purpose: most posts are a few KiB, and a large buffer per file cost more than reading
   * the file. Large sequential reads bypass it anyway; it is there for the gzip check's mark.
   */
  private static final int BUFFER = 1 << 13;

  /** The inflater's input buffer: larger, since gzip files are the big ones. */
  private static final int GZIP_BUFFER = 1 << 16;

  /** Reads files and directories with the {@link ReadLimits#DEFAULTS default limits}. */
  public static ReadReport read(List<Path> paths, InputFormat format, ReadListener listener) {
    return read(paths, format, ReadLimits.DEFAULTS, listener);
  }

  /**
   * Reads files and directories.
   *
   * @param paths files (read whatever their name) and directories (walked recursively)
   * @param format {@link InputFormat#AUTO} to choose per file, or the format of every file
   * @param limits per-record and per-file bounds
   * @param listener receives every article, rejection and skipped file, in order
   */
  public static ReadReport read(List<Path> paths, InputFormat format, ReadLimits limits, ReadListener listener) {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(format, "format");
    Readers readers = new Readers(limits);
    Sink sink = new Sink(Objects.requireNonNull(listener, "listener"));
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        walk(path, format, readers, sink);
      } else {
        readFile(path, format, readers, sink);
      }
    }
    return sink.report();
  }

  /** Reads one stream (for example standard input) with the default limits. */
  public static ReadReport read(InputStream in, String name, InputFormat format, ReadListener listener) {
    return read(in, name, format, ReadLimits.DEFAULTS, listener);
  }

  /**
   * Reads one stream to its end. The stream is not closed.
   *
   * @param name what rejections call it, e.g. {@code "-"} for standard input; its extension, if
   *     any, helps choose the format
   * @param format {@link InputFormat#AUTO} to choose by {@code name} and then by content
   */
  public static ReadReport read(
      InputStream in, String name, InputFormat format, ReadLimits limits, ReadListener listener) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    Readers readers = new Readers(limits);
    Sink sink = new Sink(Objects.requireNonNull(listener, "listener"));
    sink.fileOpened();
    Sink.FileSink fileSink = sink.forFile(name);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    try {
      readStream(in, name, name.substring(slash + 1), format, readers, sink, fileSink);
    } catch (IOException e) {
      fileSink.rejectFile(describe(e, fileSink));
    }
    return sink.report();
  }

  /**
   * Reads every article of a file or directory, for tests and embedding.
   *
   * @throws BadInputException when any record was rejected, listing the first few rejections
   */
  public static List<Article> readAll(Path path) {
    List<Article> articles = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    read(
        List.of(path),
        InputFormat.AUTO,
        new ReadListener() {
          @Override
          public void article(Article article, Origin origin) {
            articles.add(article);
          }

          @Override
          public void rejected(Rejection r) {
            rejections.add(r);
          }
        });
    if (!rejections.isEmpty()) {
      StringBuilder m = new StringBuilder();
      m.append(rejections.size()).append(rejections.size() == 1 ? " record" : " records").append(" rejected in ").append(path);
      rejections.stream().limit(5).forEach(r -> m.append("\n  ").append(r));
      if (rejections.size() > 5) {
        m.append("\n  ...");
      }
      throw new BadInputException(m.toString());
    }
    return articles;
  }

  private static void walk(Path dir, InputFormat format, Readers readers, Sink sink) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException | UncheckedIOException e) {
      sink.forFile(dir.toString()).rejectFile("cannot list directory: " + reason(e));
      return;
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        sink.skip(entry, "hidden");
      } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        walk(entry, format, readers, sink);
      } else if (Files.isDirectory(entry)) {
        sink.skip(entry, "symbolic link to a directory"); // not followed: a link cycle would never end
      } else if (!knownExtension(name)) {
        int dot = name.indexOf('.');
        sink.skip(entry, dot < 0 ? "no file extension" : "unknown extension '" + name.substring(dot) + "'");
      } else {
        readFile(entry, format, readers, sink);
      }
    }
  }

  static boolean knownExtension(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
      if (n.indexOf('.') < 0) {
        return true; // x.gz: the content decides
      }
    }
    return formatOf(n) != null;
  }

  /** The format a file name implies, or null. */
  static InputFormat formatOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt")) {
      return InputFormat.POST;
    }
    if (n.endsWith(".json")) {
      return InputFormat.JSON;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return InputFormat.JSONL;
    }
    if (n.endsWith(".csv")) {
      return InputFormat.CSV;
    }
    return null;
  }

  private static void readFile(Path file, InputFormat format, Readers readers, Sink sink) {
    Sink.FileSink fileSink = sink.forFile(file.toString());
    try (InputStream raw = Files.newInputStream(file)) {
      sink.fileOpened();
      readStream(raw, file.toString(), file.getFileName().toString(), format, readers, sink, fileSink);
    } catch (IOException e) {
      fileSink.rejectFile(describe(e, fileSink));
    }
  }

  private static void readStream(
      InputStream raw, String name, String fileName, InputFormat format, Readers readers, Sink sink, Sink.FileSink fileSink)
      throws IOException {
    Counting counted = new Counting(raw);
    try {
      BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
      String innerName = fileName;
      if (innerName.toLowerCase(Locale.ROOT).endsWith(".gz")) {
        innerName = innerName.substring(0, innerName.length() - 3);
      }
      Deferring source =
          new Deferring(
              isGzip(buffered)
                  ? new Limited(new GZIPInputStream(buffered, GZIP_BUFFER), readers.limits.maxDecompressedBytes())
                  : buffered);
      fileSink.watch(() -> source.failure != null);

      // Read errors are deferred by the source, so the peek ends early rather than throwing.
      byte[] head = readers.head;
      int length = 0;
      for (int n; length < head.length && (n = source.read(head, length, head.length - length)) >= 0; ) {
        length += n;
      }
      boolean wholeInput = length < SNIFF_BYTES;
      int bom = Bom.length(head, length);
      // The peeked bytes are read again from the array, then the rest from the source: no mark on a
      // buffered stream, which grew a fresh 64 KiB buffer for every file.
      InputStream content = new SequenceInputStream(new ByteArrayInputStream(head, bom, length - bom), source);
      if (wholeInput && source.failure == null && isBlank(head, bom, length)) {
        fileSink.skip(name, "empty");
        return;
      }
      int nul = indexOfBinary(head, length);
      if (nul >= 0) {
        fileSink.rejectFile(String.format("binary data, not text (byte 0x%02X at offset %d)", head[nul] & 0xFF, nul));
        return;
      }
      InputFormat chosen = format == null || format == InputFormat.AUTO ? formatOf(innerName) : format;
      if (chosen == null) {
        chosen = sniff(head, bom, length);
      }
      FormatReader reader;
      switch (chosen) {
        case POST -> reader = readers.post;
        case JSON -> reader = readers.json;
        case JSONL -> reader = readers.jsonLines;
        case NEWSPLEASE -> reader = sniff(head, bom, length) == InputFormat.JSONL ? readers.newsPleaseLines : readers.newsPlease;
        case CSV -> reader = readers.csv;
        default -> throw new AssertionError(chosen);
      }
      fileSink.counts(reader instanceof JsonReader ? Rejection.Unit.RECORD : Rejection.Unit.LINE);
      reader.read(content, fileSink);
      if (source.failure != null) {
        throw source.failure;
      }
    } finally {
      sink.bytesRead(counted.count);
    }
  }

  /** JSON, JSON Lines or a post, from the first bytes (after any byte order mark). */
  static InputFormat sniff(byte[] head, int from) {
    return sniff(head, from, head.length);
  }

  private static InputFormat sniff(byte[] head, int from, int length) {
    int i = from;
    while (i < length && isSpace(head[i])) {
      i++;
    }
    if (i >= length) {
      return InputFormat.POST;
    }
    if (head[i] == '[') {
      return InputFormat.JSON;
    }
    if (head[i] != '{') {
      return InputFormat.POST;
    }
    int nl = i;
    while (nl < length && head[nl] != '\n') {
      nl++;
    }
    if (nl == length) {
      return InputFormat.JSONL; // one long line so far: a line reader handles a one-line object too
    }
    int end = nl - 1;
    while (end > i && isSpace(head[end])) {
      end--;
    }
    // An object that closes on its first line is a JSON Lines record; one spread over lines is JSON.
    return head[end] == '}' ? InputFormat.JSONL : InputFormat.JSON;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
  }

  private static boolean isBlank(byte[] head, int from, int length) {
    for (int i = from; i < length; i++) {
      if (!isSpace(head[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The offset of the byte that shows the data is binary, or -1. Text has next to no control
   * characters; binary data (and UTF-16) has many. One stray NUL in a large text file does not make
   * it binary: its line is rejected by the reader and the rest is read.
   */
  static int indexOfBinary(byte[] head, int length) {
    int suspicious = 0;
    int firstNul = -1;
    int firstControl = -1;
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        suspicious++;
        if (b == 0 && firstNul < 0) {
          firstNul = i;
        }
        if (firstControl < 0) {
          firstControl = i;
        }
      }
    }
    if (suspicious * 20 <= length) { // at most 5%
      return -1;
    }
    return firstNul >= 0 ? firstNul : firstControl;
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1F && b == 0x8B;
  }

  private static String describe(IOException e, Sink.FileSink fileSink) {
    String where = fileSink.progress();
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof Limited.Exceeded) {
      what = e.getMessage();
    } else if (e instanceof ZipException || e instanceof java.io.EOFException) {
      what = "corrupt or truncated gzip data (" + reason(e) + ")";
    } else {
      what = "cannot read: " + reason(e);
    }
    return where.isEmpty() ? what : what + "; stopped after " + where;
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** One set of readers, buffers and JSON configuration per read call (so a call is single-threaded, and calls are independent). */
  private static final class Readers {
    final ReadLimits limits;
    final FormatReader post;
    final FormatReader json;
    final FormatReader jsonLines;
    final FormatReader newsPlease;
    final FormatReader newsPleaseLines;
    final FormatReader csv;

    /** The sniff's buffer, reused: files are read one after the other. */
    final byte[] head = new byte[SNIFF_BYTES];

    Readers(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      ObjectMapper mapper = Json.mapper(limits);
      post = new ScrapedPostReader(limits);
      json = new JsonReader(limits, mapper, false);
      jsonLines = new JsonLinesReader(limits, mapper, false);
      newsPlease = new JsonReader(limits, mapper, true);
      newsPleaseLines = new JsonLinesReader(limits, mapper, true);
      csv = new CsvReader(limits);
    }
  }

  /** Counts the bytes read from storage. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public void close() {
      // the caller owns the underlying stream
    }
  }

  /**
   * Turns a read error into an end of input and keeps it for later. Buffered streams drop the bytes
   * they already had when a later read throws; this way the reader gets every byte before the
   * failure (the records up to a truncated gzip member's end, say) and the failure is reported after.
   */
  private static final class Deferring extends FilterInputStream {
    IOException failure;

    Deferring(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int available() throws IOException {
      return failure != null ? 0 : super.available();
    }
  }

  /** Stops a decompressed stream at a limit, so that a gzip bomb cannot fill memory or disk. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    static final class Exceeded extends IOException {
      Exceeded(long max) {
        super("decompresses to more than " + ReadLimits.human(max) + ", the limit per gzip file");
      }
    }

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      if (count >= max) {
        return atLimit();
      }
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (count >= max) {
        return atLimit();
      }
      // Up to the limit exactly, so that every record before it can still be read.
      int n = super.read(b, off, (int) Math.min(len, max - count));
      if (n > 0) {
        count += n;
      }
      return n;
    }

    /** At the limit: the end if the data ends here too, else the error. */
    private int atLimit() throws IOException {
      if (super.read() < 0) {
        return -1;
      }
      throw new Exceeded(max);
    }
  }
}
