package dev.lede.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The experiment bench for Lede's ranking defaults: plain Lucene with a title (headline) and a body
 * field, the analysis chain Lede's schema uses (standard tokenizer, possessives, lower case, ASCII
 * folding, optional stop words, a choice of stemmer), field-weighted BM25 (the sum of each field's
 * boosted BM25 score), an optional proximity boost, and optional RM3-style pseudo-relevance feedback.
 * Each choice is a {@link LabSettings} value, so every row of the experiments table is reproducible.
 */
public final class LabSystem implements RetrievalSystem {
  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String BODY = "body";
  private static final String ALL = "all";

  private final String name;
  private final LabSettings settings;
  private final Analyzer analyzer;
  private final Directory directory = new ByteBuffersDirectory();
  // Feedback re-analyses the text of the top documents; keeping it here spares the index term vectors.
  private final Map<String, EvalDocument> documents = new HashMap<>();
  private DirectoryReader reader;
  private IndexSearcher searcher;

  public LabSystem(LabSettings settings) {
    this(settings.toString(), settings);
  }

  /** A lab system with its own name in tables and run files. */
  public LabSystem(String name, LabSettings settings) {
    this.name = name;
    this.settings = settings;
    this.analyzer = analyzer(settings.stemmer(), settings.stopWords());
  }

  /** Lede's English chain with this stemmer, with or without stop words. */
  public static Analyzer analyzer(LabSettings.Stemmer stemmer, boolean stopWords) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        if (stopWords) {
          ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
        ts = switch (stemmer) {
          case NONE -> ts;
          case MINIMAL -> new EnglishMinimalStemFilter(ts);
          case KSTEM -> new KStemFilter(ts);
          case PORTER -> new PorterStemFilter(ts);
        };
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void index(List<EvalDocument> docs) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
    try (IndexWriter w = new IndexWriter(directory, config)) {
      for (EvalDocument d : docs) {
        this.documents.put(d.id(), d);
        Document doc = new Document();
        doc.add(new StoredField(ID, d.id()));
        doc.add(new TextField(TITLE, d.title(), Field.Store.NO));
        doc.add(new TextField(BODY, d.text(), Field.Store.NO));
        if (settings.fieldModel() == LabSettings.FieldModel.ALL_PLUS_TITLE) {
          doc.add(new TextField(ALL, d.allText(), Field.Store.NO));
        }
        w.addDocument(doc);
      }
      w.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
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
      weights.merge(t, 1f / terms.size(), Float::sum);
    }
    if (settings.feedbackDocs() == 0) {
      return LuceneBaseline.topDocs(searcher, build(weights, terms), k, ID);
    }
    List<ScoredDoc> first = LuceneBaseline.topDocs(searcher, build(weights, terms), settings.feedbackDocs(), ID);
    return LuceneBaseline.topDocs(searcher, build(expand(weights, first), terms), k, ID);
  }

  private Query build(Map<String, Float> weights, List<String> sequence) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    float tw = settings.titleWeight();
    float bw = settings.bodyWeight();
    weights.forEach((t, w) -> {
      switch (settings.fieldModel()) {
        case SUM -> {
          q.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), w * tw), BooleanClause.Occur.SHOULD);
          q.add(new BoostQuery(new TermQuery(new Term(BODY, t)), w * bw), BooleanClause.Occur.SHOULD);
        }
        case BM25F -> {
          Query combined = new CombinedFieldQuery.Builder().addTerm(new BytesRef(t)).addField(TITLE, tw).addField(BODY, bw).build();
          q.add(new BoostQuery(combined, w), BooleanClause.Occur.SHOULD);
        }
        case ALL_PLUS_TITLE -> {
          q.add(new BoostQuery(new TermQuery(new Term(ALL, t)), w * bw), BooleanClause.Occur.SHOULD);
          if (tw > 1) {
            q.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), w * (tw - 1)), BooleanClause.Occur.SHOULD);
          }
        }
      }
    });
    if (settings.proximityBoost() > 0) {
      // Spread over the pairs so that a long query's proximity evidence does not outweigh its words.
      float w = settings.proximityBoost() / Math.max(1, sequence.size() - 1);
      List<String> fields = settings.fieldModel() == LabSettings.FieldModel.ALL_PLUS_TITLE ? List.of(ALL) : List.of(TITLE, BODY);
      for (int i = 0; i + 1 < sequence.size(); i++) {
        for (String field : fields) {
          float fw = field.equals(TITLE) ? tw : bw;
          Query pair = new PhraseQuery(LabSettings.PROXIMITY_SLOP, field, sequence.get(i), sequence.get(i + 1));
          q.add(new BoostQuery(pair, w * fw), BooleanClause.Occur.SHOULD);
        }
      }
    }
    if (settings.headlinePhraseBoost() > 0 && sequence.size() > 1) {
      Query phrase = new PhraseQuery(LabSettings.HEADLINE_PHRASE_SLOP, TITLE, sequence.toArray(String[]::new));
      q.add(new BoostQuery(phrase, settings.headlinePhraseBoost()), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /**
   * RM3: the feedback model weighs each term of the top documents by its share of the document's
   * length times the document's share of the top scores; the best terms, normalised, are mixed
   * with the original query by {@code originalWeight}.
   */
  private Map<String, Float> expand(Map<String, Float> original, List<ScoredDoc> top) {
    if (top.isEmpty()) {
      return original;
    }
    double scoreSum = top.stream().mapToDouble(ScoredDoc::score).sum();
    Map<String, Double> model = new HashMap<>();
    for (ScoredDoc d : top) {
      List<String> tokens = analyze(documents.get(d.docId()).allText());
      if (tokens.isEmpty()) {
        continue;
      }
      double docWeight = d.score() / scoreSum;
      for (String t : tokens) {
        if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
          model.merge(t, docWeight / tokens.size(), Double::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> best = model.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.feedbackTerms())
        .toList();
    double bestSum = best.stream().mapToDouble(Map.Entry::getValue).sum();
    Map<String, Float> mixed = new LinkedHashMap<>();
    float lambda = settings.originalWeight();
    original.forEach((t, w) -> mixed.put(t, lambda * w));
    for (Map.Entry<String, Double> e : best) {
      mixed.merge(e.getKey(), (float) ((1 - lambda) * e.getValue() / bestSum), Float::sum);
    }
    return mixed;
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
