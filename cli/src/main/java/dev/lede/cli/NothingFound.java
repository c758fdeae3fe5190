package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.IndexStats;
import dev.lede.search.NewsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a command found nothing, in one sentence for stderr (text) or a {@code note} field (JSON).
 * Zero hits with no word of why sends a user guessing (issue 15, item 9); each check here names
 * what no article has. Only asked after an empty answer, so it costs nothing on a normal search.
 */
final class NothingFound {
  private NothingFound() {}

  /** Why a query's filters exclude every article, or null when they do not explain it. */
  static String searchNote(NewsIndex index, NewsQuery q) {
    List<String> why = new ArrayList<>();
    IndexStats stats = index.stats();
    if (stats.articles() == 0) {
      return "the index is empty: run `lede index <files>` first";
    }
    if (outside(stats, q.since(), q.until())) {
      why.add("no article was published in that date range (the index covers " + dates(stats) + ")");
    }
    if (!q.sources().isEmpty()) {
      List<String> known = sources(index).stream().map(FacetCount::value).toList();
      for (String source : q.sources()) {
        if (!known.contains(source)) {
          why.add("no article from " + source + " (`lede stats` lists the sources)");
        }
      }
    }
    for (String entity : q.entities()) {
      if (index.search(NewsQuery.builder("").entity(entity).limit(1).collapse(false).highlight(false).build()).total() == 0) {
        why.add("no article names the entity '" + entity + "' (`lede entities` lists them)");
      }
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }

  /** Why a window of time has no articles, with an --as-of that has some, or null. */
  static String windowNote(NewsIndex index, Instant end, int windowDays) {
    IndexStats stats = index.stats();
    if (stats.articles() == 0) {
      return "the index is empty: run `lede index <files>` first";
    }
    Instant start = end.minus(java.time.Duration.ofDays(windowDays));
    if (stats.newest() != null && stats.newest().isBefore(start)) {
      String newest = stats.newest().toString().substring(0, 10);
      return "the newest article (" + newest + ") is older than the " + windowDays + "-day window ending "
          + end.toString().substring(0, 10) + ": try --as-of " + newest;
    }
    if (stats.oldest() != null && !stats.oldest().isBefore(end)) {
      return "the oldest article (" + stats.oldest().toString().substring(0, 10) + ") is after the window's end "
          + end.toString().substring(0, 10);
    }
    return null;
  }

  /** The sources of the index with their article counts, largest first, ties by name. */
  static List<FacetCount> sources(NewsIndex index) {
    NewsQuery all = NewsQuery.builder("").facet(Facet.SOURCE).facetLimit(Integer.MAX_VALUE).limit(1).collapse(false)
        .highlight(false).build();
    return index.search(all).facets().getOrDefault(Facet.SOURCE, List.of());
  }

  static String dates(IndexStats s) {
    return s.oldest() == null ? "no dates" : s.oldest().toString().substring(0, 10) + " .. " + s.newest().toString().substring(0, 10);
  }

  private static boolean outside(IndexStats s, Instant since, Instant until) {
    if (s.oldest() == null) {
      return since != null || until != null;
    }
    return (since != null && s.newest().isBefore(since)) || (until != null && !s.oldest().isBefore(until));
  }
}
