package dev.lede.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON: one object, an array of objects, or several top-level values one after the other. The file
 * is streamed token by token; only the record being read is held in memory, and a record larger
 * than {@link ReadLimits#maxRecordBytes()} characters is skipped and rejected without being built.
 *
 * <p>A syntax error or invalid UTF-8 ends the file (there is no reliable place to resume a JSON
 * document), after every complete record before it has been delivered: a truncated array gives its
 * complete records and then one rejection naming the broken record.
 */
final class JsonReader implements FormatReader {
  private final ReadLimits limits;
  private final ObjectMapper mapper;
  private final boolean newsPlease;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The input ended inside a record (Jackson usually says so itself, with a location). */
  private static final class Truncated extends IOException {
    Truncated() {
      super("unexpected end of input");
    }
  }

  /** Thrown while building a record that has grown past the limit. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  JsonReader(ReadLimits limits, ObjectMapper mapper, boolean newsPlease) {
    this.limits = limits;
    this.mapper = mapper;
    this.newsPlease = newsPlease;
  }

  @Override
  public void read(InputStream in, Sink.FileSink sink) throws IOException {
    long record = 0; // the record being read, or about to be
    try (JsonParser p = mapper.getFactory().createParser(new Utf8Reader(in))) {
      try {
        record++;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.START_ARRAY) {
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
              if (t == null) {
                throw new Truncated();
              }
              readRecord(p, t, record, sink);
              record++;
            }
          } else {
            readRecord(p, t, record, sink);
            record++;
          }
        }
      } catch (JsonProcessingException e) {
        if (!sink.inputFailed()) { // else the record was cut off by the failure, reported for the file
          sink.rejectRecord(record, Json.describe(e, true));
        }
      } catch (Utf8Reader.Malformed e) {
        sink.rejectRecord(record, e.getMessage());
      } catch (Truncated e) {
        if (!sink.inputFailed()) {
          sink.rejectRecord(record, "not valid JSON: unexpected end of input");
        }
      }
    }
  }

  private void readRecord(JsonParser p, JsonToken t, long record, Sink.FileSink sink) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      if (t.isStructStart()) {
        p.skipChildren();
      }
      sink.rejectRecord(record, "expected a JSON object, found " + describe(t));
      return;
    }
    Builder builder = new Builder(p, p.currentTokenLocation().getCharOffset(), limits.maxRecordBytes());
    JsonNode node;
    try {
      node = builder.value(t);
    } catch (TooLarge e) {
      builder.skipRest();
      sink.rejectRecord(
          record, "record is larger than the limit of " + ReadLimits.human(limits.maxRecordBytes()) + " per record");
      return;
    }
    try {
      InputFormat format = newsPlease || JsonArticleMapping.isNewsPlease(node) ? InputFormat.NEWSPLEASE : InputFormat.JSON;
      sink.article(JsonArticleMapping.toArticle(node), record, format);
    } catch (RecordException e) {
      sink.rejectRecord(record, e.getMessage());
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  /** Builds one record's tree from the stream, giving up as soon as it outgrows the limit. */
  private static final class Builder {
    private final JsonParser p;
    private final long start;
    private final long max;
    private int depth;

    Builder(JsonParser p, long start, long max) {
      this.p = p;
      this.start = start;
      this.max = max;
    }

    JsonNode value(JsonToken t) throws IOException {
      if (t == null) {
        throw new Truncated();
      }
      return switch (t) {
        case START_OBJECT -> {
          depth++;
          ObjectNode o = NODES.objectNode();
          for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
            String name = p.currentName();
            o.set(name, value(next()));
          }
          depth--;
          yield o;
        }
        case START_ARRAY -> {
          depth++;
          ArrayNode a = NODES.arrayNode();
          for (JsonToken v = next(); v != JsonToken.END_ARRAY; v = next()) {
            a.add(value(v));
          }
          depth--;
          yield a;
        }
        case VALUE_STRING -> NODES.textNode(p.getText());
        case VALUE_NUMBER_INT ->
            p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? NODES.numberNode(p.getBigIntegerValue())
                : NODES.numberNode(p.getLongValue());
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> NODES.textNode(p.getText());
      };
    }

    private JsonToken next() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new Truncated();
      }
      if (p.currentLocation().getCharOffset() - start > max) {
        // t will not be built: count its nesting here so that skipRest ends at the record's end.
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
        throw new TooLarge();
      }
      return t;
    }

    /** After {@link TooLarge}: consumes the rest of the record without keeping it. */
    void skipRest() throws IOException {
      while (depth > 0) {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new Truncated();
        }
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    }
  }
}
