package dev.lede.index;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.prepare.PreparedArticle;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.lede.search.Ranking;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.BasicModelIne;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Every field of a Lede index, in one place: its name, how it is analysed, whether it is stored,
 * its doc values, and why. The same class turns a prepared article into a document and a stored
 * document back into the article. Documented as the index's contract in docs/schema.md.
 *
 * <p>Immutable and thread-safe. Two schemas with the same {@link #describe()} write the same index.
 */
public final class Schema {
  /**
   * Bumped whenever a field, its analysis or the stored layout changes: an index written with
   * another version must be rebuilt with {@code lede reindex}.
   */
  // 3: per-language text fields, language codes with doc values; 4: headline, lead and body
  // analysed once (stems and forms as written), no text, exact or headline_exact field
  public static final int VERSION = 4;

  // --- Field names. Each comment says why the field is shaped the way it is. ---

  /** The article id: an exact term for updates and lookups; sorted doc values break ranking ties. */
  public static final String ID = "id";
  /**
   * Headline, analysed once ({@link NewsAnalyzers#indexed}): each word's stem, and its form as written
   * marked ({@code =strikes}) at the same position. Stems rank (BM25F over the headline, lead and
   * body, with a headline weight on top); the forms as written serve quoted phrases and prefixes.
   */
  public static final String HEADLINE = "headline";
  /** Lead paragraph, analysed as the {@link #HEADLINE}. */
  public static final String LEAD = "lead";
  /** Body (boilerplate removed), analysed as the {@link #HEADLINE}. */
  public static final String BODY = "body";
  /** Canonical entity names as written: exact filters and the entity facet (doc values). */
  public static final String ENTITY = "entity";
  /** Canonical names and aliases, lower case: the entity filter accepts any name an entity went by. */
  public static final String ENTITY_KEY = "entity_key";
  /** Entity types (PERSON, ...): filter and facet. */
  public static final String ENTITY_TYPE = "entity_type";
  /**
   * Doc values only: {@code TYPE/canonical name} per entity ({@code PERSON/Kim Jong-un}), so that
   * entity counts over a time window (trending) know each entity's type without loading documents.
   */
  public static final String ENTITY_TYPED = "entity_typed";
  /** Canonical names and aliases, stemmed: {@code entity:kim} and entity names in free text rank. */
  public static final String ENTITY_TEXT = "entity_text";
  /**
   * Author names as written, doc values only: the author facet counts them without loading
   * documents. Filtering goes through {@link #AUTHOR_KEY}, which forgives case and spacing.
   */
  public static final String AUTHOR = "author";
  /**
   * Author names lower-cased with white space folded ({@link #authorKey}): the exact author filter
   * ({@code --author}, {@code author:"Jane Doe"}) matches a whole name, not a word of one.
   */
  public static final String AUTHOR_KEY = "author_key";
  /**
   * Author names through the text chain, one value per author (the position gap keeps a phrase
   * inside one name): free-text words find an author's articles at a modest weight, so that
   * {@code lede search jane doe} finds her bylines without outranking articles about her.
   */
  public static final String AUTHOR_TEXT = "author_text";
  /** Normalised source domain: filter and facet. */
  public static final String SOURCE = "source";
  /** Publication time in epoch milliseconds: points for ranges, doc values for sort and recency. */
  public static final String PUBLISHED = "published";
  /** Publication month {@code yyyy-MM} (UTC): the month facet reads these doc values. */
  public static final String MONTH = "month";
  /**
   * Language code ({@link dev.lede.article.Languages}: {@code de} for {@code de-AT} or {@code German}),
   * {@code und} for one naming no language: filter, and the language facet (doc values).
   */
  public static final String LANGUAGE = "language";
  /**
   * Content fingerprint: an unchanged article is not written again. The embedded index keeps it in
   * {@link #STORY_ENTRY} (a writer loads it with the story entries); Solr's documents store it.
   */
  public static final String FINGERPRINT = "fingerprint";
  /** Story id (near-duplicates share it): collapse reads its sorted doc values. */
  public static final String STORY = "story";
  /**
   * LSH band keys of the article's MinHash signature. Only Solr's documents carry them (Solr finds
   * candidates with a terms query); the embedded index keeps candidates in the writer's memory,
   * loaded from {@link #STORY_ENTRY}.
   */
  public static final String LSH = "lsh";
  /** Hash of the normalised lead and body, for exact copies: Solr's documents only, as {@link #LSH}. */
  public static final String STORY_HASH = "story_hash";
  /**
   * The story entry (signature, date, words, content hash) and the article's fingerprint packed into
   * one binary doc value: a writer loads them all when it opens, to group and to tell unchanged articles.
   */
  public static final String STORY_ENTRY = "story_entry";
  /**
   * The whole article as read, plain JSON (the codec compresses it), with the entities preparation
   * gave it beside, when they differ: hits, {@code show} and reindex read it.
   */
  public static final String ORIGINAL = "original";
  /**
   * What was left out of the indexed body as boilerplate, stored as two values (the start and the
   * end of the stored body that were cut), only when something was: snippets are cut from the
   * stored body, and must not show a sign-off that no search finds (issue 16).
   */
  public static final String BOILERPLATE = "boilerplate";

  /** The article's own text, indexed with its words' forms as written: a word query scores them as one field (BM25F). */
  public static final List<String> ARTICLE_FIELDS = List.of(HEADLINE, LEAD, BODY);

  /** The text fields a query searches. */
  public static final List<String> TEXT_FIELDS = List.of(HEADLINE, LEAD, ENTITY_TEXT, BODY);

  /** The key of the forms as written in {@link #analyze}. */
  static final String ANALYZED_AS_WRITTEN = "as_written"; // not public: public String constants are field names

  /**
   * Chunk vectors of semantic search (indexes with it on only): the i-th chunk of an article's text
   * in {@code vector_i}, an HNSW graph per field, dot product of unit vectors. Fields rather than
   * child documents, so that one article stays one document for every other query; an article
   * scores by its best chunk (a disjunction-max over the fields).
   */
  public static final List<String> VECTORS = List.of("vector_0", "vector_1", "vector_2", "vector_3");
  /**
   * What an article's vectors were made from ({@link dev.lede.vector.ArticleVectors#key()}), stored
   * to carry them over, and its model indexed: an article not yet vectorised by the index's model lacks it.
   */
  public static final String VECTOR_KEY = "vector_key";
  public static final String VECTOR_MODEL = "vector_model";
  /**
   * The same key indexed (a field of its own: {@link #VECTOR_KEY} is stored only in indexes made
   * before, and Lucene keeps a field's options): a copy of an indexed text finds its vectors by it.
   */
  public static final String VECTOR_TEXT = "vector_text";


  private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final NewsAnalyzers.Stemmer stemmer;
  private final Analyzer textAnalyzer;
  private final Analyzer indexedAnalyzer;
  private final Analyzer asWrittenAnalyzer;
  private final Analyzer perField;

  public Schema(NewsAnalyzers.Stemmer stemmer) {
    this.stemmer = stemmer;
    this.textAnalyzer = NewsAnalyzers.text(stemmer);
    this.indexedAnalyzer = NewsAnalyzers.indexed(stemmer);
    this.asWrittenAnalyzer = NewsAnalyzers.asWritten();
    this.perField =
        new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
          @Override
          protected Analyzer getWrappedAnalyzer(String fieldName) {
            return analyzer(fieldName);
          }
        };
  }

  /** The default schema. */
  public static Schema defaults() {
    return new Schema(NewsAnalyzers.Stemmer.PORTER);
  }

  /**
   * The analyzer a field is indexed with (the article's fields: stems and forms as written; keyword
   * fields are never analysed). Highlighting runs it to find what a query's terms match.
   */
  public Analyzer analyzer(String field) {
    Analyzer language = LanguageFields.analyzer(field);
    if (language != null) {
      return language; // text_de, headline_de, ...
    }
    return switch (field) {
      case HEADLINE, LEAD, BODY -> indexedAnalyzer;
      default -> textAnalyzer;
    };
  }

  /** The stemmed words of a query, for any text field: what ranked word queries are made of. */
  public Analyzer queryAnalyzer() {
    return textAnalyzer;
  }

  /**
   * A query's words as written, marked as the index marks them, stop words left as position gaps:
   * quoted phrases and prefixes on the {@link #ARTICLE_FIELDS}.
   */
  public Analyzer asWrittenAnalyzer() {
    return asWrittenAnalyzer;
  }

  /**
   * BM25 as the index is written and searched: every token counts in a field's length, the stacked
   * forms as written too ({@code discountOverlaps} off). BM25 divides a document's length by the
   * field's average, and Lucene takes the average from the total term count, which counts every
   * token; with overlaps discounted, documents would look half as long as the average. Counting
   * both keeps the ratio each article had with one stemmed token a word.
   */
  public static BM25Similarity similarity(float k1, float b) {
    return new BM25Similarity(k1, b, false);
  }

  /**
   * The similarity a ranking scores with: BM25 with its k1 and b, or DFR In_expB2 (c = 1), both
   * counting every token in a field's length as {@link #similarity(float, float)} explains. Both
   * encode a field's length in its norm the same way, so the choice is made at search time.
   */
  public static Similarity similarity(Ranking ranking) {
    return switch (ranking.model()) {
      case BM25 -> similarity(ranking.k1(), ranking.b());
      case DFR -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2(1f), false);
    };
  }

  /** One analyzer that picks each field's own: for the IndexWriter. */
  public Analyzer perFieldAnalyzer() {
    return perField;
  }

  public NewsAnalyzers.Stemmer stemmer() {
    return stemmer;
  }

  /** What is written into every commit: a different description means a different index layout. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lede.schema", Integer.toString(VERSION));
    m.put("lede.analysis.text", textAnalyzer.toString());
    m.put("lede.analysis.exact", NewsAnalyzers.exact().toString());
    m.put("lede.analysis.article", indexedAnalyzer.toString());
    m.put("lede.analysis.languages", LanguageAnalyzers.describe());
    return m;
  }

  /**
   * What a text becomes, for {@code lede analyze}: the stems a word query matches (as in the headline,
   * lead and body), the forms as written that phrases match, and the entity names' words.
   */
  public Map<String, List<String>> analyze(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(HEADLINE, Tokens.tokens(textAnalyzer, HEADLINE, text));
    out.put(ANALYZED_AS_WRITTEN, Tokens.tokens(asWrittenAnalyzer, HEADLINE, text));
    out.put(ENTITY_TEXT, Tokens.tokens(textAnalyzer, ENTITY_TEXT, text));
    return out;
  }

  /** The document for a prepared article. */
  public Document toDocument(PreparedArticle prepared) {
    Article a = prepared.article();
    Document doc = new Document();
    doc.add(new StringField(ID, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));

    // Each analysed once: stems and forms as written in one pass (docs/schema.md).
    doc.add(new TextField(HEADLINE, a.headline(), Field.Store.NO));
    doc.add(new TextField(LEAD, a.lead(), Field.Store.NO));
    doc.add(new TextField(BODY, prepared.indexedBody(), Field.Store.NO));

    Set<String> types = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Entity e : a.entities()) {
      String name = keyword(e.name());
      doc.add(new StringField(ENTITY, name, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(ENTITY, new BytesRef(name)));
      doc.add(new SortedSetDocValuesField(ENTITY_TYPED, new BytesRef(keyword(e.type().name() + "/" + e.name()))));
      types.add(e.type().name());
      keys.add(entityKey(e.name()));
      doc.add(new TextField(ENTITY_TEXT, e.name(), Field.Store.NO));
      for (String alias : e.aliases()) {
        keys.add(entityKey(alias));
        doc.add(new TextField(ENTITY_TEXT, alias, Field.Store.NO));
      }
    }
    for (String key : keys) {
      doc.add(new StringField(ENTITY_KEY, keyword(key), Field.Store.NO));
    }
    for (String type : types) {
      doc.add(new StringField(ENTITY_TYPE, type, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(ENTITY_TYPE, new BytesRef(type)));
    }

    Set<String> authorKeys = new LinkedHashSet<>();
    for (String author : a.authors()) {
      doc.add(new SortedSetDocValuesField(AUTHOR, new BytesRef(keyword(author))));
      doc.add(new TextField(AUTHOR_TEXT, author, Field.Store.NO));
      authorKeys.add(authorKey(author));
    }
    for (String key : authorKeys) {
      doc.add(new StringField(AUTHOR_KEY, keyword(key), Field.Store.NO));
    }

    if (a.source() != null) {
      doc.add(new StringField(SOURCE, keyword(a.source()), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(keyword(a.source()))));
    }
    if (a.published() != null) {
      doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(MONTH, new BytesRef(MONTH_FORMAT.format(a.published()))));
    }
    if (a.language() != null) {
      String language = LanguageFields.analysisLanguage(a.language());
      doc.add(new StringField(LANGUAGE, language, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(LANGUAGE, new BytesRef(language)));
    }
    if (prepared.vectors() != null) {
      addVectors(doc, prepared.vectors());
    }
    doc.add(new StringField(STORY, prepared.story(), Field.Store.YES));
    doc.add(new SortedDocValuesField(STORY, new BytesRef(prepared.story())));
    doc.add(new StoredField(ORIGINAL, StoredArticles.encode(prepared.input(), a.entities(), a.language())));
    String body = prepared.input().body();
    String kept = prepared.indexedBody();
    int at = kept.equals(body) ? -1 : body.indexOf(kept);
    if (at >= 0 && (at > 0 || kept.length() < body.length())) {
      doc.add(new StoredField(BOILERPLATE, body.substring(0, at)));
      doc.add(new StoredField(BOILERPLATE, body.substring(at + kept.length())));
    }
    LanguageFields.relocate(doc, a.language(), a.headline(), a.lead(), prepared.indexedBody());
    return doc;
  }

  private static void addVectors(Document doc, dev.lede.vector.ArticleVectors v) {
    for (int i = 0; i < v.chunks().size(); i++) {
      doc.add(new org.apache.lucene.document.KnnFloatVectorField(VECTORS.get(i), v.chunks().get(i),
          org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new StoredField(VECTOR_KEY, v.key()));
    doc.add(new StringField(VECTOR_TEXT, v.key(), Field.Store.NO));
    doc.add(new StringField(VECTOR_MODEL, keyword(v.model()), Field.Store.NO));
  }

  /**
   * The lead and body of a stored article without the boilerplate its document's index entry left
   * out ({@code d} loaded with {@link #BOILERPLATE}): the text snippets are cut from. The article's
   * text when nothing was left out or the stored body no longer fits.
   */
  public String shownText(Article a, Document d) {
    String[] cut = d.getValues(BOILERPLATE);
    String body = a.body();
    if (cut.length != 2 || cut[0].length() + cut[1].length() > body.length() || !body.startsWith(cut[0])
        || !body.endsWith(cut[1])) {
      return a.text();
    }
    String kept = body.substring(cut[0].length(), body.length() - cut[1].length()).strip();
    return a.lead().isEmpty() ? kept : kept.isEmpty() ? a.lead() : a.lead() + "\n\n" + kept;
  }

  /**
   * The most UTF-8 bytes of one keyword value (source, entity name, language): Lucene refuses a
   * term longer than {@link IndexWriter#MAX_TERM_LENGTH}, which would fail the whole document.
   * Analysed text never comes near it: the standard tokenizer splits tokens at 255 characters.
   */
  public static final int MAX_KEYWORD_BYTES = IndexWriter.MAX_TERM_LENGTH;

  /** A keyword value cut to {@link #MAX_KEYWORD_BYTES} at a character boundary; most values are returned as they are. */
  public static String keyword(String value) {
    if (value.length() * 3 <= MAX_KEYWORD_BYTES) {
      return value; // cannot be over the limit: no UTF-16 unit takes more than 3 UTF-8 bytes
    }
    int bytes = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > MAX_KEYWORD_BYTES) {
        return value.substring(0, i);
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return value;
  }

  /**
   * What {@link #toDocument} trims from an article to fit Lucene's limits, one sentence per
   * field (empty for nearly every article), so that the caller can warn about it.
   */
  public static List<String> trimmed(Article a) {
    List<String> out = new java.util.ArrayList<>();
    checkKeyword(out, "source", a.source());
    a.authors().forEach(author -> checkKeyword(out, "author", author));
    for (Entity e : a.entities()) {
      checkKeyword(out, "entity", e.name());
      e.aliases().forEach(alias -> checkKeyword(out, "entity alias", alias));
    }
    return out;
  }

  private static void checkKeyword(List<String> out, String field, String value) {
    if (value != null && !keyword(value).equals(value)) {
      out.add("'" + field + "' of " + value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes was indexed cut to "
          + MAX_KEYWORD_BYTES + " bytes (Lucene's term limit); the stored article keeps it whole");
    }
  }

  /** The key under which an author is filtered: lower case, white space folded to one space. */
  public static String authorKey(String name) {
    return String.join(" ", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  /** The lower-case key under which an entity name or alias is filtered. */
  public static String entityKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** The stored article of a document. */
  public Article toArticle(StoredFields stored, int docId) throws IOException {
    Document d = stored.document(docId, Set.of(ORIGINAL));
    return toArticle(d);
  }

  /** The stored article of a loaded document (it must hold {@link #ORIGINAL}), with the entities preparation gave it. */
  public Article toArticle(Document d) {
    BytesRef bytes = original(d);
    return StoredArticles.decode(bytes.bytes, bytes.offset, bytes.length);
  }

  /** The stored article as read and the entities preparation gave it, from one parse: what a reindex carries over. */
  public StoredArticles.Stored toStored(Document d) {
    BytesRef bytes = original(d);
    return StoredArticles.decodeStored(bytes.bytes, bytes.offset, bytes.length);
  }

  private static BytesRef original(Document d) {
    BytesRef bytes = d.getBinaryValue(ORIGINAL);
    if (bytes == null) {
      // every document Lede writes has one: without it the stored fields are damaged
      throw new java.io.UncheckedIOException(new org.apache.lucene.index.CorruptIndexException(
          "a document has no stored article", "stored field '" + ORIGINAL + "'"));
    }
    return bytes;
  }
}
