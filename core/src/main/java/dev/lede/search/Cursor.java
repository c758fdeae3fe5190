package dev.lede.search;

import dev.lede.LedeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque page cursors: the sort values of the last hit of a page, so the next page starts right
 * after it (search-after). Ids are unique and the last sort key, so no two hits tie and no hit is
 * seen twice or skipped. Version 2 adds how many hits came before the next page, so that ranks
 * continue across pages instead of restarting at 1 (issue 15); a version 1 cursor still works, as
 * offset 0.
 */
final class Cursor {
  private static final byte VERSION = 2;
  private static final byte VERSION_WITHOUT_OFFSET = 1;

  /** Where a page starts: after this hit, with this many hits before it. */
  record Position(FieldDoc after, long offset) {}

  private Cursor() {}

  static String encode(SortOrder sort, float score, long published, String id, long offset) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(2 + 8 + 4 + 8 + idBytes.length);
    buf.put(VERSION).put((byte) sort.ordinal()).putLong(offset).putFloat(score).putLong(published).put(idBytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /** Where to search from, for the given sort; a cursor of another sort is refused. */
  static Position decode(String cursor, SortOrder sort) {
    ByteBuffer buf;
    byte version;
    try {
      buf = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
      version = buf.remaining() < 14 ? 0 : buf.get();
      if ((version != VERSION && version != VERSION_WITHOUT_OFFSET) || (version == VERSION && buf.remaining() < 21)) {
        throw new IllegalArgumentException("bad header");
      }
    } catch (IllegalArgumentException e) {
      throw new LedeException("not a Lede page cursor: '" + cursor + "' (pass the 'next' value of a previous search)");
    }
    int sortOrdinal = buf.get();
    if (sortOrdinal != sort.ordinal()) {
      throw new LedeException("this cursor belongs to a search sorted by "
          + SortOrder.values()[Math.floorMod(sortOrdinal, SortOrder.values().length)].name().toLowerCase(java.util.Locale.ROOT)
          + ": repeat that search's --sort");
    }
    long offset = version == VERSION ? buf.getLong() : 0;
    if (offset < 0) {
      throw new LedeException("not a Lede page cursor: '" + cursor + "' (pass the 'next' value of a previous search)");
    }
    float score = buf.getFloat();
    long published = buf.getLong();
    byte[] id = new byte[buf.remaining()];
    buf.get(id);
    Object[] fields =
        sort == SortOrder.RELEVANCE
            ? new Object[] {score, published, new BytesRef(id)}
            : new Object[] {published, new BytesRef(id)};
    // doc = MAX_VALUE: the cursor's own hit compares equal on every key and is then skipped.
    return new Position(new FieldDoc(Integer.MAX_VALUE, score, fields), offset);
  }
}
