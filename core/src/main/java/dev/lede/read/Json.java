package dev.lede.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration the readers share, and how its errors read to a user. */
final class Json {
  private Json() {}

  static ObjectMapper mapper(ReadLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // One string may be as long as a whole record, not longer.
                    .maxStringLength(limits.maxRecordBytes())
                    .maxNestingDepth(ReadLimits.MAX_JSON_NESTING)
                    .build())
            .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * "not valid JSON: Unexpected end-of-input: expected close marker for Object at column 42", with
   * the line as well when {@code withLine}. Jackson's own text names an internal source; this keeps
   * what a user can act on.
   */
  static String describe(JsonProcessingException e, boolean withLine) {
    String m = e.getOriginalMessage();
    if (m == null) {
      m = e.getClass().getSimpleName();
    }
    // Constraint messages name Jackson's setting: "... (16777216, from `StreamReadConstraints...`)".
    m = m.replaceAll(", from `[^`]*`", "");
    int cut = m.indexOf(" (start marker at");
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    m = m.strip();
    JsonLocation at = e.getLocation();
    if (at != null && at.getColumnNr() > 0) {
      m += withLine ? " at line " + at.getLineNr() + " column " + at.getColumnNr() : " at column " + at.getColumnNr();
    }
    return (e instanceof StreamConstraintsException ? "over a size limit: " : "not valid JSON: ") + m;
  }
}
