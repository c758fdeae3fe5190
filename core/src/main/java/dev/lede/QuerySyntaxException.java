package dev.lede;

/** A query that the strict syntax cannot parse; {@link #position()} says where (0-based, or -1 if unknown). */
public class QuerySyntaxException extends LedeException {
  private final String query;
  private final int position;

  public QuerySyntaxException(String query, int position, String message, Throwable cause) {
    super(message, cause);
    this.query = query;
    this.position = position;
  }

  public String query() {
    return query;
  }

  public int position() {
    return position;
  }
}
