package dev.lede.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.index.Schema;
import dev.lede.search.Hit;
import dev.lede.search.NewsQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Related-article quality on the BBC corpus (issue 16), or on AG News or HuffPost ({@code --corpus agnews|huffpost}): for seed articles drawn with a fixed seed,
 * the share of their top 10 related articles that are in the seed's own category (business,
 * entertainment, politics, sport, tech). Lede's {@code NewsIndex.similar} against Lucene's
 * MoreLikeThis with its defaults on the same index (fields headline, lead and body, the schema's
 * analyzer), in one run.
 *
 * <p>Usage: {@code java -cp ... dev.lede.bench.eval.RelatedArticles [--corpora DIR] [--seeds 200] [--seed 1] [--corpus bbc|agnews|huffpost] [--semantic]}.
 * The index is built in a temporary folder and removed afterwards. With {@code --semantic}, the same
 * index then gets vectors ({@code NewsIndex.enableSemantic}, on every core) and {@code similar} is
 * measured again: nearest vectors instead of more-like-this (docs/semantic.md).
 */
public final class RelatedArticles {
  private RelatedArticles() {}

  public static void main(String[] args) throws IOException {
    Path corpora = Path.of("..", "shared", "corpora");
    int seeds = 200;
    long seed = 1;
    String corpus = "bbc";
    boolean semantic = java.util.Arrays.asList(args).contains("--semantic");
    Path work = null; // --work DIR: the index is kept there and reused (vectors made once)
    args = java.util.Arrays.stream(args).filter(a -> !a.equals("--semantic")).toArray(String[]::new);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[i + 1]);
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--corpus" -> corpus = args[i + 1];
        case "--work" -> work = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    Map<String, String> category = new HashMap<>();
    List<Article> articles = new ArrayList<>();
    switch (corpus) {
      case "bbc" -> readBbc(corpora, category, articles);
      case "agnews" -> readAgNews(corpora, category, articles);
      case "huffpost" -> readHuffPost(corpora, category, articles);
      default -> throw new IllegalArgumentException("unknown corpus '" + corpus + "', expected bbc, agnews or huffpost");
    }
    Map<String, Article> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    Path dir = work != null ? work : Files.createTempDirectory("related-articles-");
    try {
      List<String> ids = new ArrayList<>(category.keySet());
      Collections.sort(ids);
      Collections.shuffle(ids, new Random(seed));
      List<String> drawn = ids.subList(0, Math.min(seeds, ids.size()));
      double[] lede;
      double[] vectors = null;
      try (NewsIndex index = NewsIndex.open(dir.resolve("idx"))) {
        index.ingest(dev.lede.read.ArticleSource.of(articles), dev.lede.IngestOptions.defaults(), null);
        if (index.semanticModel() != null) {
          index.disableSemantic(); // a kept index: the first row is more-like-this (the vectors stay for the second)
        }
        lede = share(drawn, category, id -> index.similar(id, NewsQuery.builder("").limit(10).build()).hits().stream().map(Hit::id).toList());
        if (semantic) {
          long start = System.nanoTime();
          dev.lede.SemanticReport r = index.enableSemantic(Runtime.getRuntime().availableProcessors(),
              (done, total) -> System.err.printf("  vectors: %d/%d%n", done, total));
          System.err.printf("vectors for %d articles in %.1f s wall on %d threads%n", r.vectorized(), (System.nanoTime() - start) / 1e9,
              Runtime.getRuntime().availableProcessors());
          vectors = share(drawn, category,
              id -> index.similar(id, NewsQuery.builder("").limit(10).build()).hits().stream().map(Hit::id).toList());
        }
      }
      // The same index scored with BM25 instead of Lede's default model (issue 16: the model changed).
      double[] bm25;
      dev.lede.search.Ranking bm25Ranking = dev.lede.search.Ranking.defaults().withModel(dev.lede.search.Ranking.Model.BM25);
      try (NewsIndex index = NewsIndex.open(dir.resolve("idx"), dev.lede.IndexOptions.defaults().withRanking(bm25Ranking))) {
        bm25 = share(drawn, category, id -> index.similar(id, NewsQuery.builder("").limit(10).build()).hits().stream().map(Hit::id).toList());
      }
      double[] mlt;
      try (FSDirectory d = FSDirectory.open(dir.resolve("idx")); DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        MoreLikeThis like = new MoreLikeThis(reader);
        like.setAnalyzer(Schema.defaults().queryAnalyzer()); // the fields' stems (the index also holds each word as written)
        like.setFieldNames(new String[] {Schema.HEADLINE, Schema.LEAD, Schema.BODY});
        mlt = share(drawn, category, id -> {
          try {
            Article a = byId.get(id);
            Map<String, java.util.Collection<Object>> fields = new HashMap<>();
            fields.put(Schema.HEADLINE, List.of(a.headline()));
            fields.put(Schema.LEAD, List.of(a.lead()));
            fields.put(Schema.BODY, List.of(a.body()));
            Query q = like.like(fields);
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, 11).scoreDocs) {
              String other = searcher.storedFields().document(sd.doc).get(Schema.ID);
              if (!other.equals(id) && out.size() < 10) {
                out.add(other);
              }
            }
            return out;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      System.out.println("| system | same category / returned | same category / 10 per seed | returned per seed |");
      System.out.println("| --- | ---: | ---: | ---: |");
      System.out.printf("| Lede `similar` | %.4f | %.4f | %.2f |%n", lede[0], lede[1], lede[2]);
      if (vectors != null) {
        System.out.printf("| Lede `similar`, semantic search on (nearest vectors) | %.4f | %.4f | %.2f |%n", vectors[0], vectors[1], vectors[2]);
      }
      System.out.printf("| Lede `similar`, BM25 instead of DFR | %.4f | %.4f | %.2f |%n", bm25[0], bm25[1], bm25[2]);
      System.out.printf("| MoreLikeThis defaults (headline, lead, body) | %.4f | %.4f | %.2f |%n", mlt[0], mlt[1], mlt[2]);
      System.out.printf("(%d seeds, seed %d)%n", drawn.size(), seed);
    } finally {
      if (work == null) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** BBC: 2,225 articles with headline and body, 5 categories. */
  private static void readBbc(Path corpora, Map<String, String> category, List<Article> articles) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(corpora.resolve("bbc").resolve("bbc.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode r = json.readTree(line);
        String id = r.get("id").asText();
        category.put(id, r.get("category").asText());
        articles.add(Article.builder().id(id).headline(r.get("headline").asText()).body(r.get("body").asText())
            .source("bbc.co.uk").build());
      }
    }
  }

  /**
   * AG News (test split): 7,600 short items, a title and a one- or two-sentence description, 4
   * classes (World, Sports, Business, Sci/Tech). One record a line: {@code "class","title","description"}.
   */
  private static void readAgNews(Path corpora, Map<String, String> category, List<Article> articles) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(corpora.resolve("ag_news_test").resolve("test.csv.gz"))), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = in.readLine()) != null; ) {
        List<String> cells = csv(line);
        String id = "ag" + (++n);
        category.put(id, cells.get(0));
        articles.add(Article.builder().id(id).headline(cells.get(1)).body(cells.get(2).replace("\\", " ")).source("agnews").build());
      }
    }
  }

  /** HuffPost (the first 9,999 records): a headline and a one-sentence description, 29 categories. */
  private static void readHuffPost(Path corpora, Map<String, String> category, List<Article> articles) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(
        corpora.resolve("huffpost_news_category_v3_head").resolve("News_Category_Dataset_v3.head9999.jsonl.gz"))), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode r = json.readTree(line);
        String id = "hp" + (++n);
        String headline = r.path("headline").asText();
        String body = r.path("short_description").asText();
        if (headline.isBlank() && body.isBlank()) {
          continue;
        }
        category.put(id, r.path("category").asText());
        articles.add(Article.builder().id(id).headline(headline).body(body).source("huffpost.com").build());
      }
    }
  }

  /** The quoted cells of one CSV line ({@code ""} is a quote inside a cell). */
  private static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** {share of the returned in the seed's category, share of 10 per seed, returned per seed}. */
  private static double[] share(List<String> seeds, Map<String, String> category, java.util.function.Function<String, List<String>> related) {
    long same = 0;
    long all = 0;
    for (String id : seeds) {
      for (String other : related.apply(id)) {
        all++;
        if (category.get(other).equals(category.get(id))) {
          same++;
        }
      }
    }
    return new double[] {all == 0 ? 0 : (double) same / all, (double) same / (10.0 * seeds.size()), (double) all / seeds.size()};
  }
}
