package dev.lede.solr;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.Rejection;
import dev.lede.search.Facet;
import dev.lede.search.NewsQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Indexing throughput and query latency through Lede: the local 2-node SolrCloud (2 x 2 collection)
 * against the embedded index, on the same articles and queries. Runs only when asked for:
 *
 * <pre>./mvnw -q -B -o -pl core,solr-dev,solr -am test -Dtest=SolrBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dlede.bench.solr=../shared/corpora/bbc/bbc.jsonl.gz</pre>
 *
 * <p>Plain wall-clock timing: one writer thread, one query thread, one warm-up pass, then three
 * timed passes over the query set; latencies are per query, median and 95th percentile.
 */
class SolrBenchmark {

  @Test
  void indexAndQueryBothBackends() throws Exception {
    String asked = System.getProperty("lede.bench.solr");
    Assumptions.assumeTrue(asked != null, "benchmark not asked for (-Dlede.bench.solr=FILE)");
    // Relative to the repository root, where the command is typed; tests run in the module directory.
    Path input = Path.of(asked).isAbsolute() || Files.exists(Path.of(asked)) ? Path.of(asked) : Path.of("..").resolve(asked);
    Assumptions.assumeTrue(Files.exists(input), "no benchmark input at " + input.toAbsolutePath());
    List<Article> articles = new ArrayList<>();
    ArticleInputs.read(List.of(input), InputFormat.AUTO, new ReadListener() {
      @Override
      public void article(Article article, Origin origin) {
        articles.add(article);
      }

      @Override
      public void rejected(Rejection rejection) {}
    });
    List<NewsQuery> queries = queries(articles);
    System.out.printf(Locale.ROOT, "data: %s, %d articles, %d queries (two words of every %dth headline)%n", input,
        articles.size(), queries.size(), Math.max(1, articles.size() / 50));

    // What both backends pay on the client before writing: cleaning and entities (one thread).
    dev.lede.prepare.Preparer preparer = dev.lede.prepare.Preparer.defaults();
    articles.forEach(preparer::prepare); // warm-up
    long p0 = System.nanoTime();
    articles.forEach(preparer::prepare);
    double prepSeconds = (System.nanoTime() - p0) / 1e9;
    System.out.printf(Locale.ROOT, "preparation alone (both backends do it): %d articles in %.2f s = %.0f articles/s%n",
        articles.size(), prepSeconds, articles.size() / prepSeconds);

    Path base = Path.of("target", "solr-bench-" + ProcessHandle.current().pid()).toAbsolutePath();
    String classpath = LocalSolrCloud.classpath(Path.of(System.getProperty("lede.solr.dev.classpath")),
        Path.of(System.getProperty("lede.solr.dev.classes")));
    // Full JIT and a larger heap: a test cluster's quick-start settings would understate Solr.
    try (LocalSolrCloud cluster = LocalSolrCloud.start(classpath, base, 2, 120, List.of("-Xmx1g", "-XX:+UseParallelGC"));
        CloudSolrClient admin = SolrClients.cloud(cluster.solrUrls())) {
      new SolrCollections(admin).create("bench", 2, 2);
      try (SolrNewsIndex solr = SolrNewsIndex.connect(cluster.solrUrls(), "bench")) {
        run("solr 2 nodes, 2x2", solr, articles, queries);
      }
    } finally {
      try (Stream<Path> all = Files.walk(base)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    NewsIndex embedded;
    try {
      embedded = NewsIndex.inMemory();
    } catch (UnsupportedOperationException e) {
      System.out.println("embedded: not measured (" + e.getMessage() + ")");
      return;
    }
    try (embedded) {
      run("embedded, in memory", embedded, articles, queries);
    }
  }

  private static List<NewsQuery> queries(List<Article> articles) {
    List<NewsQuery> out = new ArrayList<>();
    int step = Math.max(1, articles.size() / 50);
    for (int i = 0; i < articles.size() && out.size() < 50; i += step) {
      String[] words = articles.get(i).headline().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").strip().split("\\s+");
      String text = String.join(" ", Arrays.copyOf(words, Math.min(2, words.length)));
      out.add(NewsQuery.builder(text).facet(Facet.SOURCE, Facet.MONTH).build());
    }
    return out;
  }

  private static void run(String name, NewsIndex index, List<Article> articles, List<NewsQuery> queries) {
    System.gc();
    long t0 = System.nanoTime();
    if (index instanceof SolrNewsIndex solr) {
      solr.upsertAll(articles);
    } else {
      articles.forEach(index::upsert);
    }
    index.commit();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s: indexed %d articles in %.2f s = %.0f articles/s (incl. commit); %d stories%n", name,
        articles.size(), seconds, articles.size() / seconds,
        index.search(NewsQuery.builder("").limit(1).build()).total());
    queries.forEach(index::search); // warm-up
    List<Double> ms = new ArrayList<>();
    for (int pass = 0; pass < 3; pass++) {
      for (NewsQuery q : queries) {
        long s = System.nanoTime();
        index.search(q);
        ms.add((System.nanoTime() - s) / 1e6);
      }
    }
    ms.sort(Double::compare);
    System.out.printf(Locale.ROOT, "%s: query latency median %.1f ms, p95 %.1f ms over %d searches "
        + "(collapse, highlight, 2 facets)%n", name, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.size());
  }
}
