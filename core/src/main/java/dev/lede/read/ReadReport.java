package dev.lede.read;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one read did, in counts. The articles and rejections themselves went to the {@link
 * ReadListener}.
 *
 * @param files files (or streams) that were opened and read, including ones rejected whole
 * @param articles articles handed to the listener
 * @param rejected rejections handed to the listener
 * @param articlesByFormat articles per format actually used (never {@link InputFormat#AUTO})
 * @param articlesBySource articles per normalised source, sorted; articles without a source count
 *     under {@value #NO_SOURCE}
 * @param skipped files deliberately not read, with the reason
 * @param bytes bytes read from the files as stored (before decompression)
 */
public record ReadReport(
    long files,
    long articles,
    long rejected,
    Map<InputFormat, Long> articlesByFormat,
    Map<String, Long> articlesBySource,
    List<Skipped> skipped,
    long bytes) {

  /** The key under which {@link #articlesBySource} counts articles that have no source. */
  public static final String NO_SOURCE = "(no source)";

  public ReadReport {
    EnumMap<InputFormat, Long> byFormat = new EnumMap<>(InputFormat.class);
    if (articlesByFormat != null) {
      byFormat.putAll(articlesByFormat);
    }
    articlesByFormat = Collections.unmodifiableMap(byFormat);
    articlesBySource =
        Collections.unmodifiableMap(articlesBySource == null ? new TreeMap<>() : new TreeMap<>(articlesBySource));
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }
}
