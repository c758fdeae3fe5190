package dev.lede.bench.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART system's record format used by Cranfield and CISI: {@code .I <id>} starts a record, and
 * a line holding only a marker such as {@code .T}, {@code .A} or {@code .W} starts a field whose
 * content is the following lines. A field that appears twice in a record is joined.
 */
final class SmartFormat {
  private static final Pattern ID = Pattern.compile("^\\.I\\s+(\\S+)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^\\.([A-Z])\\s*$");

  private SmartFormat() {}

  /**
   * One record.
   *
   * @param id the {@code .I} value
   * @param line the 1-based line of its {@code .I}
   * @param fields content per marker letter, lines joined by newlines
   */
  record SmartRecord(String id, int line, Map<String, String> fields) {
    String field(String marker) {
      return fields.getOrDefault(marker, "");
    }
  }

  static List<SmartRecord> parse(Path file) {
    List<String> lines = TextFiles.lines(file);
    List<SmartRecord> records = new ArrayList<>();
    String id = null;
    int idLine = 0;
    Map<String, StringBuilder> fields = new LinkedHashMap<>();
    StringBuilder current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher idMatch = ID.matcher(line);
      Matcher marker = MARKER.matcher(line);
      if (idMatch.matches()) {
        if (id != null) {
          records.add(toRecord(id, idLine, fields));
        }
        id = idMatch.group(1);
        idLine = i + 1;
        fields = new LinkedHashMap<>();
        current = null;
      } else if (marker.matches()) {
        if (id == null) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + ": field marker before the first .I");
        }
        current = fields.computeIfAbsent(marker.group(1), m -> new StringBuilder());
        if (!current.isEmpty()) {
          current.append('\n');
        }
      } else if (current != null) {
        current.append(line).append('\n');
      } else if (!line.isBlank()) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": text outside any field of record " + id + ": \"" + line + "\"");
      }
    }
    if (id != null) {
      records.add(toRecord(id, idLine, fields));
    }
    return records;
  }

  private static SmartRecord toRecord(String id, int line, Map<String, StringBuilder> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v.toString().strip()));
    return new SmartRecord(id, line, out);
  }
}
