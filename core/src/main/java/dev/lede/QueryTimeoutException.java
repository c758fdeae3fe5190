package dev.lede;

import java.time.Duration;

/**
 * A search ran longer than its limit ({@link IndexOptions#queryTimeout()}) and was stopped; its
 * partial results are dropped rather than passed off as the answer.
 */
public class QueryTimeoutException extends LedeException {
  private final String query;
  private final Duration timeout;

  public QueryTimeoutException(String query, Duration timeout) {
    super("query '" + query + "' ran longer than its limit of " + timeout.toMillis() + " ms and was stopped: narrow it "
        + "(fewer prefixes or wildcards, a date range, a source) or raise the limit");
    this.query = query;
    this.timeout = timeout;
  }

  public String query() {
    return query;
  }

  public Duration timeout() {
    return timeout;
  }
}
