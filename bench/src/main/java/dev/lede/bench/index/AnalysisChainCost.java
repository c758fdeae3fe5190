package dev.lede.bench.index;

import dev.lede.article.Article;
import dev.lede.index.AsWrittenFilter;
import dev.lede.index.NewsAnalyzers;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.Rejection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * What the analysis chain of the headline, lead and body costs, alone: each variant inverts the
 * same articles' three text fields into an in-memory index on one thread (analysis, inversion and
 * the flush of the postings), and the thread's CPU time is taken. Variants run in turn, each
 * {@code --runs} times after one warm-up; the median is printed.
 *
 * <pre>
 * java -cp ... dev.lede.bench.index.AnalysisChainCost --input news.jsonl [--limit 20000] [--runs 3]
 * </pre>
 *
 * <p>Variants: {@code english} (Lucene's EnglishAnalyzer, what the floor indexes), {@code stems}
 * (Lede's chain without the forms as written), {@code keywordrepeat} (stems and marked forms as
 * written through Lucene's KeywordRepeatFilter, the index chain until 2026-12), and {@code lede}
 * (the index chain of today, {@link NewsAnalyzers#indexed}).
 */
public final class AnalysisChainCost {
  private AnalysisChainCost() {}

  /** The index chain as it was before {@code AsWrittenRepeatFilter}. */
  static Analyzer keywordRepeat() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(source, new AsWrittenFilter(new PorterStemFilter(new KeywordRepeatFilter(ts)), false));
      }
    };
  }

  static double cpuSeconds(List<Article> articles, Analyzer analyzer) throws IOException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256).setMergePolicy(NoMergePolicy.INSTANCE);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, config)) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new TextField("headline", a.headline(), Field.Store.NO));
        doc.add(new TextField("lead", a.lead(), Field.Store.NO));
        doc.add(new TextField("body", a.body(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.flush();
    }
    return (mx.getCurrentThreadCpuTime() - start) / 1e9;
  }

  public static void main(String[] args) throws IOException {
    Path input = null;
    int limit = 20_000;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = Path.of(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (input == null) {
      throw new IllegalArgumentException("--input news.jsonl is required");
    }
    List<Article> articles = new ArrayList<>();
    int max = limit;
    ArticleInputs.read(List.of(input), InputFormat.AUTO, new ReadListener() {
      @Override
      public void article(Article article, Origin origin) {
        if (articles.size() < max) {
          articles.add(article);
        }
      }

      @Override
      public void rejected(Rejection rejection) {}
    });
    Map<String, Analyzer> variants = new LinkedHashMap<>();
    variants.put("english", new EnglishAnalyzer());
    variants.put("stems", NewsAnalyzers.text(NewsAnalyzers.Stemmer.PORTER));
    variants.put("keywordrepeat", keywordRepeat());
    variants.put("lede", NewsAnalyzers.indexed(NewsAnalyzers.Stemmer.PORTER));
    Map<String, double[]> secs = new LinkedHashMap<>();
    variants.keySet().forEach(k -> secs.put(k, new double[0]));
    for (int r = -1; r < runs; r++) {
      for (Map.Entry<String, Analyzer> v : variants.entrySet()) {
        double s = cpuSeconds(articles, v.getValue());
        if (r >= 0) {
          double[] all = Arrays.copyOf(secs.get(v.getKey()), r + 1);
          all[r] = s;
          secs.put(v.getKey(), all);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d articles, median of %d runs, CPU seconds of one thread%n", articles.size(), runs);
    double floor = median(secs.get("english"));
    for (Map.Entry<String, double[]> e : secs.entrySet()) {
      double m = median(e.getValue());
      System.out.printf(Locale.ROOT, "%-14s %6.2f s  %.2fx english  runs %s%n", e.getKey(), m, m / floor, Arrays.toString(e.getValue()));
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
