package dev.lede.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.similarities.*;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The lab for issue 16's ranking features, in plain Lucene with Lede's analysis chain (Porter, stop
 * words) and Lede's default field model (one catch-all field at weight 1 plus the title at 0.5):
 * proximity of adjacent query words as in the sequential dependence model, a bigram phrase boost,
 * BM25 parameters per field, and RM3 pseudo-relevance feedback with a guard for short queries.
 * Each choice is a {@link Features} value, so every row of the table is reproducible.
 */
public final class FeatureLab implements RetrievalSystem {
  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String BODY = "body";
  private static final String ALL = "all";
  private static final String LENGTH = "length";
  private long totalLength;

  /** Where the proximity clauses look. */
  public enum ProxField {
    /** The catch-all field (title and body). */
    ALL,
    /** The body only (a headline's words next to the body's are not near). */
    BODY
  }

  /**
   * One setting of the features.
   *
   * @param ordered weight of each adjacent query word pair found in order, next to each other (SDM's #1)
   * @param unordered weight of each pair found in any order within {@code window} positions (SDM's #uw8)
   * @param window the unordered window, in positions
   * @param termWeight weight of the words themselves (SDM's 0.85; 1 without proximity)
   * @param proxField where the pairs are looked for
   * @param titleB BM25 b of the title field (body and catch-all keep 0.75)
   * @param fbDocs RM3 feedback documents (0: off)
   * @param fbTerms RM3 expansion terms
   * @param originalWeight RM3's weight of the original query
   * @param minQueryTerms feedback only for queries of at least this many words as typed (the news guard)
   * @param maxDfShare expansion terms in more than this share of the documents are skipped
   */
  public record Features(float ordered, float unordered, int window, float termWeight, ProxField proxField, float titleB,
      int fbDocs, int fbTerms, float originalWeight, int minQueryTerms, float maxDfShare, String model) {

    public static Features none() {
      return new Features(0, 0, 8, 1, ProxField.BODY, 0.75f, 0, 0, 1, 0, 1f, "bm25");
    }

    /** The scoring model of the body and catch-all: bm25 k1 b, lmd mu, dfr, ib. */
    public Features model(String m) {
      return new Features(ordered, unordered, window, termWeight, proxField, titleB, fbDocs, fbTerms, originalWeight, minQueryTerms, maxDfShare, m);
    }

    public Features proximity(float termW, float ord, float unord, int win, ProxField f) {
      return new Features(ord, unord, win, termW, f, titleB, fbDocs, fbTerms, originalWeight, minQueryTerms, maxDfShare, model);
    }

    public Features titleB(float b) {
      return new Features(ordered, unordered, window, termWeight, proxField, b, fbDocs, fbTerms, originalWeight, minQueryTerms, maxDfShare, model);
    }

    public Features feedback(int docs, int terms, float lambda, int minTerms, float dfShare) {
      return new Features(ordered, unordered, window, termWeight, proxField, titleB, docs, terms, lambda, minTerms, dfShare, model);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("catch-all + title 0.5");
      if (!model.equals("bm25")) {
        s.append(", ").append(model);
      }
      if (ordered > 0 || unordered > 0) {
        s.append(String.format(Locale.ROOT, ", prox %s %.2f/%.2f/%.2f uw%d", proxField.name().toLowerCase(Locale.ROOT),
            termWeight, ordered, unordered, window));
      }
      if (titleB != 0.75f) {
        s.append(String.format(Locale.ROOT, ", title b=%.2f", titleB));
      }
      if (fbDocs > 0) {
        s.append(String.format(Locale.ROOT, ", rm3 %d/%d/%.2f", fbDocs, fbTerms, originalWeight));
        if (maxDfShare < 1) {
          s.append(String.format(Locale.ROOT, " df<%.2f", maxDfShare));
        }
        if (minQueryTerms > 0) {
          s.append(" if >=").append(minQueryTerms).append(" words");
        }
      }
      return s.toString();
    }
  }

  private final String name;
  private final Features f;
  private final Analyzer analyzer = LabSystem.analyzer(LabSettings.Stemmer.PORTER, true);
  private final Directory directory = new ByteBuffersDirectory();
  private final Map<String, EvalDocument> documents = new HashMap<>();
  private DirectoryReader reader;
  private IndexSearcher searcher;

  public FeatureLab(Features f) {
    this.name = f.toString();
    this.f = f;
  }

  @Override
  public String name() {
    return name;
  }

  private Similarity similarity() {
    String spec = f.model().split(" prior ")[0];
    boolean everywhere = spec.endsWith(" everywhere");
    Similarity plain = parse(everywhere ? spec.substring(0, spec.length() - " everywhere".length()) : spec);
    Similarity title = everywhere ? plain : new BM25Similarity(1.2f, f.titleB());
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return field.equals(TITLE) ? title : plain;
      }
    };
  }

  /**
   * A scoring model by name: {@code bm25 [k1 b]}, {@code lmd mu}, {@code lmjm lambda}, {@code dfr}
   * (In_expB2), {@code dfr BASIC AFTER NORM [c]} (basic g/if/in/ine, after-effect b/l, normalisation
   * h1/h2/h3/z/none), {@code ib [DIST LAMBDA NORM [c]]} (ll/spl, df/ttf), {@code ax f1exp|f1log|f2exp|f2log [s]},
   * {@code dfi standardized|saturated|chisquared}. A trailing {@code everywhere} scores the title
   * with it too (else the title keeps BM25, as Lede's headline would with one similarity per field);
   * {@code prior a} multiplies each score by (length / average length)^a.
   */
  static Similarity parse(String spec) {
    String[] m = spec.trim().split(" +");
    return switch (m[0]) {
      case "bm25" -> m.length == 3 ? new BM25Similarity(Float.parseFloat(m[1]), Float.parseFloat(m[2])) : new BM25Similarity(1.2f, 0.75f);
      case "lmd" -> new LMDirichletSimilarity(Float.parseFloat(m[1]));
      case "lmjm" -> new LMJelinekMercerSimilarity(Float.parseFloat(m[1]));
      case "dfr" -> m.length == 1
          ? new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2())
          : new DFRSimilarity(switch (m[1]) {
              case "g" -> new BasicModelG();
              case "if" -> new BasicModelIF();
              case "in" -> new BasicModelIn();
              case "ine" -> new BasicModelIne();
              default -> throw new IllegalArgumentException(spec);
            }, m[2].equals("b") ? new AfterEffectB() : new AfterEffectL(), normalization(m, 3));
      case "ib" -> m.length == 1
          ? new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2())
          : new IBSimilarity(m[1].equals("ll") ? new DistributionLL() : new DistributionSPL(),
              m[2].equals("df") ? new LambdaDF() : new LambdaTTF(), normalization(m, 3));
      case "ax" -> {
        float s = m.length > 2 ? Float.parseFloat(m[2]) : 0.5f;
        yield switch (m[1]) {
          case "f1exp" -> new AxiomaticF1EXP(s);
          case "f1log" -> new AxiomaticF1LOG(s);
          case "f2exp" -> new AxiomaticF2EXP(s);
          case "f2log" -> new AxiomaticF2LOG(s);
          default -> throw new IllegalArgumentException(spec);
        };
      }
      case "dfi" -> new DFISimilarity(switch (m[1]) {
          case "standardized" -> new IndependenceStandardized();
          case "saturated" -> new IndependenceSaturated();
          default -> new IndependenceChiSquared();
        });
      default -> throw new IllegalArgumentException(spec);
    };
  }

  private static Normalization normalization(String[] m, int i) {
    float c = m.length > i + 1 ? Float.parseFloat(m[i + 1]) : Float.NaN;
    return switch (m[i]) {
      case "h1" -> Float.isNaN(c) ? new NormalizationH1() : new NormalizationH1(c);
      case "h2" -> Float.isNaN(c) ? new NormalizationH2() : new NormalizationH2(c);
      case "h3" -> Float.isNaN(c) ? new NormalizationH3() : new NormalizationH3(c);
      case "z" -> Float.isNaN(c) ? new NormalizationZ() : new NormalizationZ(c);
      case "none" -> new Normalization.NoNormalization();
      default -> throw new IllegalArgumentException(String.join(" ", m));
    };
  }

  /** The exponent of the length prior, 0 for none. */
  private float prior() {
    String[] parts = f.model().split(" prior ");
    return parts.length == 2 ? Float.parseFloat(parts[1].trim()) : 0f;
  }

  @Override
  public void index(List<EvalDocument> docs) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(similarity());
    try (IndexWriter w = new IndexWriter(directory, config)) {
      for (EvalDocument d : docs) {
        documents.put(d.id(), d);
        Document doc = new Document();
        doc.add(new StoredField(ID, d.id()));
        doc.add(new TextField(TITLE, d.title(), Field.Store.NO));
        doc.add(new TextField(BODY, d.text(), Field.Store.NO));
        doc.add(new TextField(ALL, d.allText(), Field.Store.NO));
        doc.add(new NumericDocValuesField(LENGTH, Math.max(1, analyze(d.allText()).size())));
        totalLength += Math.max(1, analyze(d.allText()).size());
        w.addDocument(doc);
      }
      w.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(similarity());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ScoredDoc> search(EvalQuery query, int k) {
    List<String> terms = analyze(query.text());
    if (terms.isEmpty()) {
      return List.of();
    }
    Map<String, Float> weights = new LinkedHashMap<>();
    for (String t : terms) {
      weights.merge(t, 1f, Float::sum);
    }
    Query first = build(weights, terms);
    // The guard counts words as typed, stop words included, as Lede does.
    long words = java.util.Arrays.stream(query.text().strip().split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetterOrDigit)).count();
    if (f.fbDocs() == 0 || words < f.minQueryTerms()) {
      return LuceneBaseline.topDocs(searcher, first, k, ID);
    }
    List<ScoredDoc> top = LuceneBaseline.topDocs(searcher, first, f.fbDocs(), ID);
    return LuceneBaseline.topDocs(searcher, build(expand(weights, top), terms), k, ID);
  }

  private Query build(Map<String, Float> weights, List<String> sequence) {
    Query q = buildPlain(weights, sequence);
    float a = prior();
    if (a == 0) {
      return q;
    }
    double avg = (double) totalLength / Math.max(1, reader.numDocs());
    DoubleValuesSource length = DoubleValuesSource.fromLongField(LENGTH);
    return FunctionScoreQuery.boostByValue(q, new PowerSource(length, avg, a));
  }

  /** (value / average)^a, per document. */
  private static final class PowerSource extends DoubleValuesSource {
    private final DoubleValuesSource in;
    private final double average;
    private final double a;

    PowerSource(DoubleValuesSource in, double average, double a) {
      this.in = in;
      this.average = average;
      this.a = a;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues v = in.getValues(ctx, scores);
      return new DoubleValues() {
        @Override
        public double doubleValue() throws IOException {
          return Math.pow(v.doubleValue() / average, a);
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          return v.advanceExact(doc);
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(in, average, a);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PowerSource p && p.in.equals(in) && p.average == average && p.a == a;
    }

    @Override
    public String toString() {
      return "pow(" + in + "/" + average + "," + a + ")";
    }
  }

  private Query buildPlain(Map<String, Float> weights, List<String> sequence) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    weights.forEach((t, w) -> {
      words.add(new BoostQuery(new TermQuery(new Term(ALL, t)), w), BooleanClause.Occur.SHOULD);
      words.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), w * 0.5f), BooleanClause.Occur.SHOULD);
    });
    if (f.ordered() == 0 && f.unordered() == 0) {
      return words.build();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new BoostQuery(words.build(), f.termWeight()), BooleanClause.Occur.SHOULD);
    String field = f.proxField() == ProxField.ALL ? ALL : BODY;
    BooleanQuery.Builder ordered = new BooleanQuery.Builder();
    BooleanQuery.Builder unordered = new BooleanQuery.Builder();
    int pairs = 0;
    for (int i = 0; i + 1 < sequence.size(); i++) {
      String a = sequence.get(i);
      String b = sequence.get(i + 1);
      if (a.equals(b)) {
        continue;
      }
      pairs++;
      ordered.add(new PhraseQuery(0, field, a, b), BooleanClause.Occur.SHOULD);
      SpanQuery[] two = {new SpanTermQuery(new Term(field, a)), new SpanTermQuery(new Term(field, b))};
      unordered.add(new SpanNearQuery(two, f.window() - 2, false), BooleanClause.Occur.SHOULD);
    }
    if (pairs > 0) {
      if (f.ordered() > 0) {
        q.add(new BoostQuery(ordered.build(), f.ordered()), BooleanClause.Occur.SHOULD);
      }
      if (f.unordered() > 0) {
        q.add(new BoostQuery(unordered.build(), f.unordered()), BooleanClause.Occur.SHOULD);
      }
    }
    return q.build();
  }

  /**
   * RM3 as Anserini runs it: each top document's terms as a unit-length vector, weighted by the
   * document's score; the best terms, normalised, mixed with the (normalised) original query.
   */
  private Map<String, Float> expand(Map<String, Float> original, List<ScoredDoc> top) {
    if (top.isEmpty()) {
      return original;
    }
    int n = reader.numDocs();
    Map<String, Double> model = new HashMap<>();
    Map<String, Boolean> frequent = new HashMap<>();
    for (ScoredDoc d : top) {
      List<String> tokens = analyze(documents.get(d.docId()).allText());
      Map<String, Integer> tf = new HashMap<>();
      for (String t : tokens) {
        if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
          tf.merge(t, 1, Integer::sum);
        }
      }
      tf.keySet().removeIf(t -> frequent.computeIfAbsent(t, x -> docFreq(x) > f.maxDfShare() * n));
      double len = tf.values().stream().mapToInt(Integer::intValue).sum();
      if (len == 0) {
        continue;
      }
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        model.merge(e.getKey(), d.score() * e.getValue() / len, Double::sum);
      }
    }
    List<Map.Entry<String, Double>> best = model.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(f.fbTerms())
        .toList();
    double bestSum = best.stream().mapToDouble(Map.Entry::getValue).sum();
    double originalSum = original.values().stream().mapToDouble(Float::doubleValue).sum();
    Map<String, Float> mixed = new LinkedHashMap<>();
    float lambda = f.originalWeight();
    // On the original query's scale, so that the proximity clauses keep their weight beside it.
    original.forEach((t, w) -> mixed.put(t, lambda * w));
    for (Map.Entry<String, Double> e : best) {
      mixed.merge(e.getKey(), (float) ((1 - lambda) * originalSum * e.getValue() / bestSum), Float::sum);
    }
    return mixed;
  }

  private int docFreq(String t) {
    try {
      return reader.docFreq(new Term(ALL, t));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> analyze(String text) {
    return dev.lede.index.Tokens.tokens(analyzer, BODY, text);
  }

  @Override
  public void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      directory.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
