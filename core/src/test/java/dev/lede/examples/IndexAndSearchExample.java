package dev.lede.examples;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.search.Facet;
import dev.lede.search.FacetCount;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import dev.lede.search.SearchResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The embedding example of the README, verbatim between the markers; its test runs it. */
public final class IndexAndSearchExample {
  private IndexAndSearchExample() {}

  public static List<String> run(Path dir) {
    List<String> printed = new ArrayList<>();
    // README:begin
    try (NewsIndex index = NewsIndex.open(dir)) {
      index.upsert(Article.builder()
          .id("rail-1").headline("Rail strike ends after pay deal")
          .body("Train drivers accepted a two-year offer.")
          .source("https://www.example-news.org/uk/rail").published(Instant.parse("2025-06-12T17:40:00Z"))
          .build());
      index.upsert(Article.builder()
          .headline("Commuters face a second week of disruption")
          .body("The rail strike is costing the economy millions a day.")
          .source("other-news.net").url("https://other-news.net/a/1")
          .build());
      index.commit();

      SearchResult result = index.search(NewsQuery.builder("rail strike")
          .source("example-news.org")
          .facet(Facet.SOURCE)
          .build());
      for (Hit hit : result.hits()) {
        printed.add(hit.headlineHighlight().mark("[", "]") + " (" + hit.source() + ")");
      }
      for (FacetCount c : result.facets().get(Facet.SOURCE)) {
        printed.add(c.value() + ": " + c.count());
      }
    }
    // README:end
    return printed;
  }
}
