package dev.lede.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON Lines: one object per line, blank lines ignored. Each line is decoded and parsed on its own,
 * so a bad line costs only itself and memory is bounded by the longest line (at most {@link
 * ReadLimits#maxRecordBytes()}).
 */
final class JsonLinesReader implements FormatReader {
  /**
   * A file whose first this-many records are all rejected is not JSON Lines (a CSV export, a log):
   * one rejection for the file says so better than a million for its lines.
   */
  static final int GIVE_UP_AFTER = 100;

  private final ReadLimits limits;
  private final ObjectReader trees;
  private final boolean newsPlease;

  /**
   * @param newsPlease every line is labelled news-please; otherwise a line is when its keys say so
   */
  JsonLinesReader(ReadLimits limits, ObjectMapper mapper, boolean newsPlease) {
    this.limits = limits;
    this.trees = mapper.readerFor(JsonNode.class); // built once: readTree(String) looks the type up per call
    this.newsPlease = newsPlease;
  }

  @Override
  public void read(InputStream in, Sink.FileSink sink) throws IOException {
    LineReader lines = new LineReader(in, limits.maxRecordBytes());
    Utf8 utf8 = new Utf8();
    long read = 0;
    long rejected = 0;
    while (lines.next()) {
      if (read == 0 && rejected == GIVE_UP_AFTER) {
        sink.rejectFile(
            "gave up after its first " + GIVE_UP_AFTER + " lines were all rejected: is this JSON Lines?");
        return;
      }
      long line = lines.number();
      if (!lines.terminated() && sink.inputFailed()) {
        break; // cut off by the failure, which is reported for the file
      }
      if (lines.tooLong()) {
        rejected++;
        sink.rejectLine(
            line,
            "record is "
                + lines.fullLength()
                + " bytes, over the limit of "
                + ReadLimits.human(limits.maxRecordBytes())
                + " per record");
        continue;
      }
      if (lines.isBlank()) {
        continue;
      }
      int start = line == 1 ? Bom.length(lines.bytes(), lines.length()) : 0;
      try {
        // Validate strictly first (Jackson's own UTF-8 checks are not complete), then let Jackson
        // parse the bytes: its byte parser is faster than parsing the decoded characters.
        utf8.validate(lines.bytes(), start, lines.length() - start);
        JsonNode node;
        try {
          node = trees.readValue(lines.bytes(), start, lines.length() - start);
        } catch (JsonProcessingException e) {
          throw new RecordException(Json.describe(e, false));
        }
        InputFormat format = newsPlease || JsonArticleMapping.isNewsPlease(node) ? InputFormat.NEWSPLEASE : InputFormat.JSONL;
        sink.article(JsonArticleMapping.toArticle(node), line, format);
        read++;
      } catch (RecordException e) {
        rejected++;
        sink.rejectLine(line, e.getMessage());
      }
    }
  }
}
