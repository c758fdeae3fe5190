package dev.lede.read;

import dev.lede.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scraped-post text format, one post per file:
 *
 * <pre>
 * Headline line
 *
 * 0                                      (optional counter, kept as attribute "counter")
 * 97e97534-22cf-4d02-b9a6-d32105d6ccf7   (optional UUID: the article's id)
 * Published: 2025-02-14                  (optional, also "Date:"; any date form JSON accepts)
 * By: Ann Lee and Bo Chen                (optional)
 * URL: https://example.com/a             (optional)
 *
 * First paragraph: the lead.
 *
 * Further paragraphs: the body.
 *
 * Original Source: www.example.com       (optional: the source; what follows is site footer)
 *
 * Leave a Reply ...                      (dropped)
 * </pre>
 *
 * <p>Any part may be missing: without a UUID the id is derived, without a source line the footer is
 * still recognised by its "Leave a Reply" / "Your email address will not be published" opening.
 * CRLF or CR line ends, a byte order mark and extra blank lines are accepted; lines of one paragraph
 * are joined with a space. Curly quotes are text and stay as they are.
 */
final class ScrapedPostReader implements FormatReader {
  private static final Pattern COUNTER = Pattern.compile("\\d{1,18}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEADER =
      Pattern.compile("(?i)(published|date|by|url)\\s*:\\s*(.*)");
  private static final Pattern SOURCE_LINE = Pattern.compile("(?i)original\\s+source\\s*:\\s*(.*)");
  private static final String QUOTES = "\"'\u201C\u201D\u2018\u2019<>";

  private final ReadLimits limits;
  // Reused from post to post: a directory of small posts is mostly per-file overhead.
  private final Utf8 utf8 = new Utf8();
  private byte[] buffer = new byte[1 << 14];

  ScrapedPostReader(ReadLimits limits) {
    this.limits = limits;
  }

  @Override
  public void read(InputStream in, Sink.FileSink sink) throws IOException {
    int max = limits.maxRecordBytes();
    int length = 0;
    for (int n; (n = in.read(buffer, length, buffer.length - length)) >= 0; ) {
      length += n;
      if (length == buffer.length) {
        if (length > max) {
          break;
        }
        buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) max + 1, (long) buffer.length * 2));
      }
    }
    byte[] bytes = buffer;
    if (sink.inputFailed()) {
      return; // a partial post is no post; the failure is reported for the file
    }
    if (length > max) {
      sink.rejectFile("post is larger than the limit of " + ReadLimits.human(max) + " per record");
      return;
    }
    int start = Bom.length(bytes, length);
    String text;
    try {
      text = utf8.decode(bytes, start, length - start);
    } catch (RecordException e) {
      int at = utf8.errorOffset();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      sink.rejectLine(
          line, String.format("not valid UTF-8: byte 0x%02X at column %d", bytes[at] & 0xFF, at - lineStart + 1));
      return;
    }
    parse(text, sink);
  }

  private static void parse(String text, Sink.FileSink sink) {
    String[] lines = lines(text);
    int i = skipBlank(lines, 0);
    if (i >= lines.length) {
      return; // nothing but white space: an empty post is no article and no error
    }
    int headlineLine = i + 1;
    Article.Builder b = Article.builder().headline(HtmlText.line(lines[i].strip()));
    i++;

    // The header: counter, UUID and the optional labelled lines, in this order, blank lines allowed.
    boolean sawId = false;
    boolean sawCounter = false;
    while ((i = skipBlank(lines, i)) < lines.length) {
      String line = lines[i].strip();
      Matcher header = HEADER.matcher(line);
      if (!sawId && !sawCounter && COUNTER.matcher(line).matches()) {
        b.attribute("counter", line);
        sawCounter = true;
      } else if (!sawId && UUID.matcher(line).matches()) {
        b.id(line);
        sawId = true;
      } else if (header.matches() && !header.group(2).isBlank()) {
        String label = header.group(1);
        String value = unquote(header.group(2));
        switch (label.toLowerCase(Locale.ROOT)) {
          case "published", "date" -> {
            Instant published = Dates.parse(value);
            if (published == null) {
              sink.rejectLine(i + 1, Dates.notADate(label, "\"" + value + "\"", value));
              return;
            }
            b.published(published);
          }
          // cleaned before unquoting, which would cut a tag's angle brackets and leave its name
          case "by" -> b.authors(JsonArticleMapping.splitAuthors(unquote(HtmlText.line(header.group(2)))));
          default -> b.url(value);
        }
      } else {
        break;
      }
      i++;
    }

    // Paragraphs up to the source line or the footer.
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher source = SOURCE_LINE.matcher(line);
      if (source.matches()) {
        String value = unquote(source.group(1));
        int next = skipBlank(lines, i + 1);
        if (value.isEmpty() && next < lines.length && looksLikeDomain(lines[next].strip())) {
          value = unquote(lines[next].strip()); // "Original Source:" with the domain on the next line
        }
        setSource(b, value);
        break;
      }
      if (line.isEmpty()) {
        flush(paragraph, paragraphs);
        continue;
      }
      if (paragraph.isEmpty() && isFooter(line)) {
        break;
      }
      if (!paragraph.isEmpty()) {
        paragraph.append(' ');
      }
      paragraph.append(line);
    }
    flush(paragraph, paragraphs);
    if (!paragraphs.isEmpty()) {
      b.lead(HtmlText.text(paragraphs.get(0)));
      b.body(HtmlText.text(String.join("\n\n", paragraphs.subList(1, paragraphs.size()))));
    }
    try {
      sink.article(b.build(), headlineLine, InputFormat.POST);
    } catch (IllegalArgumentException e) {
      sink.rejectLine(headlineLine, e.getMessage());
    }
  }

  /** Splits at {@code \n}, {@code \r\n} or a lone {@code \r} (a regex split costs more than the rest of the parse). */
  private static String[] lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out.toArray(new String[0]);
  }

  private static void setSource(Article.Builder b, String value) {
    if (value.isEmpty()) {
      return;
    }
    b.source(value); // the article keeps only the domain
    if (value.contains("://") && value.indexOf('/', value.indexOf("://") + 3) > 0) {
      b.url(value);
    }
  }

  private static boolean looksLikeDomain(String s) {
    return !s.isEmpty() && s.indexOf(' ') < 0 && s.indexOf('.') > 0;
  }

  private static boolean isFooter(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.startsWith("leave a reply") || l.startsWith("your email address will not be published");
  }

  private static void flush(StringBuilder paragraph, List<String> paragraphs) {
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  private static int skipBlank(String[] lines, int i) {
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    return i;
  }

  private static String unquote(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (QUOTES.indexOf(s.charAt(from)) >= 0 || Character.isWhitespace(s.charAt(from)))) {
      from++;
    }
    while (to > from && (QUOTES.indexOf(s.charAt(to - 1)) >= 0 || Character.isWhitespace(s.charAt(to - 1)))) {
      to--;
    }
    return s.substring(from, to);
  }
}
