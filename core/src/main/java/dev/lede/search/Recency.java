package dev.lede.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bounded boost for recent articles: at most {@code weight} added to a score, halved at {@code
 * pivot} before {@code asOf}. It reorders near-ties and never buries a strong match.
 *
 * @param weight the largest boost, relative to the text score (0 turns recency off)
 * @param pivot age at which the boost is half of {@code weight}
 * @param asOf the instant ages are measured from; null means "now" at search time. Fix it for
 *     reproducible results.
 */
public record Recency(float weight, Duration pivot, Instant asOf) {
  /** No recency boost. */
  public static final Recency OFF = new Recency(0f, Duration.ofDays(30), null);

  public Recency {
    if (!(weight >= 0f) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException("illegal recency weight " + weight + ", must be >= 0");
    }
    Objects.requireNonNull(pivot, "pivot");
    if (pivot.isNegative() || pivot.isZero()) {
      throw new IllegalArgumentException("illegal recency pivot " + pivot + ", must be positive");
    }
  }

  public boolean enabled() {
    return weight > 0f;
  }

  @Override
  public String toString() {
    return enabled() ? "Recency(weight=" + weight + ",pivot=" + pivot + ",asOf=" + (asOf == null ? "now" : asOf) + ")" : "Recency(off)";
  }
}
