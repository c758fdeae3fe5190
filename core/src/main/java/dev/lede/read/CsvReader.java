package dev.lede.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSV news exports (RFC 4180): a header row naming the columns, then one article per row. Column
 * names are the JSON field names ({@code title}, {@code description}, {@code text}, {@code
 * published}, {@code author} ...), matched case-insensitively with spaces and hyphens read as
 * underscores, and a row is mapped exactly as a JSON object with those fields would be; empty
 * cells are absent fields.
 *
 * <p>Fields may be quoted; a quoted field holds commas, line ends and doubled quotes ({@code ""}).
 * Rows end at {@code \n} or {@code \r\n}; blank lines and rows of empty cells are skipped. Rows are split from the bytes
 * (the quote, comma and line end never occur inside a UTF-8 sequence) and each row is decoded
 * strictly on its own, so one bad row costs only itself and memory is bounded by the longest row
 * (at most {@link ReadLimits#maxRecordBytes()}). Rejections name the line the row starts on.
 *
 * <p>A file whose first row names no headline, lead or body column has no usable header (AG News'
 * header-less {@code "3","Title","Description"} rows, a spreadsheet of numbers): it is rejected as
 * a whole, saying which columns are expected.
 */
final class CsvReader implements FormatReader {
  /** As in JSON Lines: a file whose first this-many rows are all rejected is given up. */
  static final int GIVE_UP_AFTER = JsonLinesReader.GIVE_UP_AFTER;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ReadLimits limits;
  private final Utf8 utf8 = new Utf8();

  CsvReader(ReadLimits limits) {
    this.limits = limits;
  }

  @Override
  public void read(InputStream in, Sink.FileSink sink) throws IOException {
    Rows rows = new Rows(in, limits.maxRecordBytes());
    Header header = null;
    long read = 0;
    long rejected = 0;
    while (rows.next()) {
      if (read == 0 && rejected == GIVE_UP_AFTER) {
        sink.rejectFile("gave up after its first " + GIVE_UP_AFTER + " rows were all rejected: is this CSV?");
        return;
      }
      long line = rows.startLine;
      if (rows.cutOff && sink.inputFailed()) {
        break; // the row was cut off by the failure, which is reported for the file
      }
      if (rows.isBlank()) {
        continue;
      }
      try {
        if (rows.tooLong) {
          throw new RecordException("row is " + rows.fullLength + " bytes, over the limit of "
              + ReadLimits.human(limits.maxRecordBytes()) + " per record");
        }
        if (rows.error != null) {
          throw new RecordException(rows.error);
        }
        List<String> fields = decode(rows);
        if (header == null) {
          header = Header.of(fields);
          if (header == null) {
            sink.rejectFile("no header row naming a headline, lead or body column (such as title, headline, "
                + "description, body or text); the first row is: " + shown(fields) + " (add a header line naming the columns)");
            return;
          }
          continue;
        }
        ObjectNode object = header.object(fields);
        sink.article(JsonArticleMapping.toArticle(object), line, InputFormat.CSV);
        read++;
      } catch (RecordException e) {
        rejected++;
        if (header == null) {
          sink.rejectFile("cannot read the header row: " + e.getMessage());
          return;
        }
        sink.rejectLine(line, e.getMessage());
      }
    }
  }

  private List<String> decode(Rows rows) throws RecordException {
    List<String> fields = new ArrayList<>(rows.fieldCount);
    int from = 0;
    for (int f = 0; f < rows.fieldCount; f++) {
      int to = rows.fieldEnds[f];
      try {
        fields.add(utf8.decode(rows.bytes, from, to - from));
      } catch (RecordException e) {
        throw new RecordException("field " + (f + 1) + " is " + e.getMessage());
      }
      from = to;
    }
    return fields;
  }

  private static String shown(List<String> fields) {
    String s = String.join(",", fields);
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** The columns: the names rows are mapped under. */
  private record Header(String[] names, JsonArticleMapping.Role[] roles) {
    static Header of(List<String> fields) {
      String[] names = new String[fields.size()];
      JsonArticleMapping.Role[] roles = new JsonArticleMapping.Role[fields.size()];
      Set<String> seen = new HashSet<>();
      boolean text = false;
      for (int i = 0; i < names.length; i++) {
        String written = fields.get(i).replace("\uFEFF", "").strip();
        String key = written.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        JsonArticleMapping.Role role = JsonArticleMapping.role(key);
        String name = role != null ? key : written.isEmpty() ? "column_" + (i + 1) : written;
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
          name = name + "_" + (i + 1); // a repeated column is kept, as an attribute
          role = null;
        }
        names[i] = name;
        roles[i] = role;
        text |= role == JsonArticleMapping.Role.HEADLINE || role == JsonArticleMapping.Role.LEAD || role == JsonArticleMapping.Role.BODY;
      }
      return text ? new Header(names, roles) : null;
    }

    ObjectNode object(List<String> fields) throws RecordException {
      if (fields.size() > names.length) {
        for (int i = names.length; i < fields.size(); i++) {
          if (!fields.get(i).isBlank()) {
            throw new RecordException("row has " + fields.size() + " fields, the header has " + names.length
                + " (is a field with a comma not quoted?)");
          }
        }
      }
      ObjectNode o = NODES.objectNode();
      for (int i = 0; i < Math.min(names.length, fields.size()); i++) {
        String value = fields.get(i);
        if (value.isBlank()) {
          continue;
        }
        JsonArticleMapping.Role role = roles[i];
        if (role == JsonArticleMapping.Role.ENTITIES) {
          ArrayNode a = o.putArray(names[i]);
          Arrays.stream(value.split(";")).map(String::strip).filter(e -> !e.isEmpty()).forEach(a::add);
        } else if (role == JsonArticleMapping.Role.PUBLISHED && value.strip().matches("\\d{1,16}")) {
          o.put(names[i], Long.parseLong(value.strip())); // epoch seconds or milliseconds, as in JSON
        } else {
          o.put(names[i], value);
        }
      }
      return o;
    }
  }

  /**
   * Splits a byte stream into CSV rows and their fields, unquoted, holding one row at a time. A row
   * over the limit is consumed but not kept; a row with a quoting error is consumed to its end and
   * carries the error.
   */
  static final class Rows {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    byte[] bytes = new byte[1 << 12];
    int length;
    int[] fieldEnds = new int[16];
    int fieldCount;
    long startLine;
    long fullLength;
    boolean tooLong;
    boolean cutOff;
    String error;

    Rows(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** Reads the next row; false at the end of the input. */
    boolean next() throws IOException {
      length = 0;
      fieldCount = 0;
      fullLength = 0;
      tooLong = false;
      cutOff = false;
      error = null;
      startLine = line;
      boolean any = false;
      boolean inQuotes = false;
      boolean quoteSeen = false; // a quote inside a quoted field: a doubled quote or the closing one
      boolean closed = false; // the field's closing quote has passed
      boolean fieldStart = true;
      long quoteLine = 0;
      while (true) {
        int b = read();
        if (b < 0) {
          if (!any) {
            return false;
          }
          if (inQuotes && !quoteSeen) {
            setError("the quoted field opened on line " + quoteLine + " is never closed");
          }
          cutOff = true;
          endField();
          return true;
        }
        any = true;
        if (quoteSeen) {
          quoteSeen = false;
          if (b == '"') {
            append(b); // "" inside quotes is one quote
            continue;
          }
          inQuotes = false;
          closed = true;
        }
        if (inQuotes) {
          if (b == '"') {
            quoteSeen = true;
          } else if (b != '\r') { // a CRLF inside quotes is kept as \n, as everywhere else in Lede
            if (b == '\n') {
              line++;
            }
            append(b);
          }
          continue;
        }
        if (b == ',') {
          endField();
          fieldStart = true;
          closed = false;
        } else if (b == '\n') {
          line++;
          endField();
          return true;
        } else if (b == '\r') {
          // part of a line end (or stray): never data outside quotes
        } else if (b == '"' && fieldStart) {
          inQuotes = true;
          quoteLine = line;
          fieldStart = false;
        } else if (closed) {
          if (b != ' ' && b != '\t') {
            setError("text after the closing quote of field " + (fieldCount + 1));
          }
        } else {
          fieldStart = false;
          append(b); // a quote inside an unquoted field is kept as text, as spreadsheets write it
        }
      }
    }

    /** Whether every field of the row is empty or white space: a blank line, or ",,," under a spreadsheet's data. */
    boolean isBlank() {
      if (tooLong || error != null) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    private void setError(String e) {
      if (error == null) {
        error = e;
      }
    }

    private int read() throws IOException {
      if (pos >= limit) {
        if (eof) {
          return -1;
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          return -1;
        }
        pos = 0;
        limit = n;
        if (n == 0) {
          return read();
        }
      }
      return buf[pos++] & 0xFF;
    }

    private void append(int b) {
      fullLength++;
      if (fullLength > max) {
        tooLong = true;
        return; // consumed, not kept
      }
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, (long) bytes.length * 2));
      }
      bytes[length++] = (byte) b;
    }

    private void endField() {
      fullLength++; // a separator counts, so a row of commas is bounded too
      if (fullLength > max) {
        tooLong = true;
        return;
      }
      if (fieldCount == fieldEnds.length) {
        fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
      }
      fieldEnds[fieldCount++] = length;
    }
  }
}
