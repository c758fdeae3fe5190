package dev.lede.search;

import dev.lede.QuerySyntaxException;
import dev.lede.article.EntityType;
import dev.lede.article.Sources;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import dev.lede.index.AsWrittenFilter;
import dev.lede.index.NewsAnalyzers;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns a {@link NewsQuery} into Lucene queries: the scoring query from its text, and the filters,
 * which narrow the hits without touching scores.
 */
final class QueryFactory {
  /** The most clauses one query may expand to; more is refused with a clear message. */
  static final int MAX_CLAUSES = 1024;

  /** The terms the forgiving syntax's clauses may use, below {@link #MAX_CLAUSES}: the rest is for boosts and filters. */
  static final int SIMPLE_LEAF_BUDGET = MAX_CLAUSES - 64;

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  private final Schema schema;
  private final Ranking ranking;
  /*
   * Synonyms are query-time only. A word, a quoted phrase or a run of plain words that a rule
   * matches is built by Lucene's QueryBuilder from the synonym filter's token graph, so a
   * multi-word replacement is searched as a phrase; everything else is built as without synonyms.
   */
  private final Analyzer synonymText; // null: no synonyms
  private final Analyzer synonymExact;
  private final QueryBuilder textSynonyms;
  private final QueryBuilder exactSynonyms; // words as written, marked: phrases on the article's fields
  /** Phrases as written on the article's fields: position gaps where stop words were, as in the index. */
  private final QueryBuilder asWritten;

  QueryFactory(Schema schema, Ranking ranking) {
    this(schema, ranking, SynonymList.EMPTY);
  }

  QueryFactory(Schema schema, Ranking ranking, SynonymList synonyms) {
    this.schema = schema;
    this.ranking = ranking;
    this.asWritten = new QueryBuilder(schema.asWrittenAnalyzer());
    if (synonyms.isEmpty()) {
      synonymText = synonymExact = null;
      textSynonyms = exactSynonyms = null;
    } else {
      synonymText = NewsAnalyzers.text(schema.stemmer(), synonyms.map());
      synonymExact = NewsAnalyzers.exact(synonyms.map());
      textSynonyms = new QueryBuilder(synonymText);
      textSynonyms.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
      exactSynonyms = new QueryBuilder(NewsAnalyzers.asWritten(synonyms.map()));
      exactSynonyms.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }
  }

  /**
   * Whether a synonym rule matches this text; with {@code multiWord}, only a rule whose matched
   * side has more than one word (its replacement then spans several positions of the graph).
   */
  private boolean matchesSynonym(String text, boolean multiWord) {
    if (synonymExact == null) {
      return false;
    }
    try (TokenStream ts = synonymExact.tokenStream(Schema.BODY, text)) {
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      boolean found = false;
      while (ts.incrementToken()) {
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) && (!multiWord || length.getPositionLength() > 1)) {
          found = true;
        }
      }
      ts.end();
      return found;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The scoring part of a query's text (match-all when the text is blank). */
  Query text(NewsQuery q) {
    if (q.text().isBlank()) {
      return new MatchAllDocsQuery();
    }
    return q.syntax() == Syntax.LUCENE ? strict(q.text()) : simple(q.text());
  }

  /**
   * The scoring query: the text's, expanded by pseudo-relevance feedback ({@link Feedback}) when
   * the query is long and asks for it. The one place feedback enters the query path.
   */
  Query scoring(IndexSearcher searcher, NewsQuery q, Query text) {
    if (!FeedbackExpansion.applies(q) || !dev.lede.index.LanguageFields.languagesIn(searcher.getIndexReader()).isEmpty()) {
      // Expansion terms are English stems: an index with articles in other languages is left as typed.
      return text;
    }
    return new FeedbackExpansion(schema, q.feedback()).expand(searcher, q.text(), text, filters(q), this::dismax);
  }

  /** Every filter of the query as one query, or null when there is none. */
  Query filters(NewsQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (!q.sources().isEmpty()) {
      b.add(anyOf(Schema.SOURCE, q.sources().stream().map(Sources::normalize).toList()), BooleanClause.Occur.FILTER);
      any = true;
    }
    for (String author : q.authors()) {
      b.add(new TermQuery(new Term(Schema.AUTHOR_KEY, Schema.authorKey(author))), BooleanClause.Occur.FILTER);
      any = true;
    }
    for (String entity : q.entities()) {
      b.add(new TermQuery(new Term(Schema.ENTITY_KEY, Schema.entityKey(entity))), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (!q.entityTypes().isEmpty()) {
      b.add(anyOf(Schema.ENTITY_TYPE, q.entityTypes().stream().map(EntityType::name).toList()), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli() - 1;
      b.add(LongField.newRangeQuery(Schema.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
      any = true;
    }
    if (!q.languages().isEmpty()) {
      b.add(anyOf(Schema.LANGUAGE, List.copyOf(q.languages())), BooleanClause.Occur.FILTER);
      any = true;
    }
    return any ? b.build() : null;
  }

  private static Query anyOf(String field, List<String> values) {
    if (values.size() == 1) {
      return new TermQuery(new Term(field, values.get(0)));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : values) {
      b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  // --- The forgiving syntax ---

  Query simple(String text) {
    SimpleClauses placed = new SimpleClauses(SIMPLE_LEAF_BUDGET);
    int stopWordsOnly = 0;
    for (SimpleQueryParser.Clause c : SimpleQueryParser.parse(text)) {
      Query query = clause(c);
      if (query == null) {
        if (c.occur() != SimpleQueryParser.Occur.MUST_NOT) {
          stopWordsOnly++;
        }
        continue;
      }
      if (!placed.add(c, query)) {
        break;
      }
    }
    List<String> plainWords = placed.plainWords;
    if (plainWords.size() >= 2) {
      addCoverageBoost(placed.scoring, plainWords);
      addPhraseBoosts(placed.scoring, String.join(" ", plainWords));
      addMultiWordSynonyms(placed.scoring, String.join(" ", plainWords));
    }
    addBylineWords(placed.scoring, plainWords, ranking.author(), schema.queryAnalyzer());
    // Only exclusions and filters: they narrow "everything". Only stop words ("to be or not to
    // be"): the index keeps none, and everything is no answer to them.
    return placed.build(stopWordsOnly > 0 ? new MatchNoDocsQuery("only stop words") : new MatchAllDocsQuery());
  }

  /** Leaves and terms as Lucene's clause limit counts them. */
  static int leafCount(Query query) {
    int[] n = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void visitLeaf(Query leaf) {
        n[0]++;
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        n[0] += terms.length;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        n[0]++; // IndexSearcher counts each nested clause too
        return this;
      }
    });
    return n[0];
  }

  /** The query of one clause, or null when it means nothing (only stop words, say). */
  Query clause(SimpleQueryParser.Clause c) {
    String field = c.field();
    if (field == null) {
      return switch (c.kind()) {
        case WORD -> words(c.text());
        case PHRASE -> phrase(c.text());
        case PREFIX -> prefix(c.text());
        case RANGE -> words(c.text());
      };
    }
    return switch (field) {
      case "headline", "lead", "body" -> switch (c.kind()) {
        case PHRASE -> asWrittenOn(field, c.text(), 0);
        case PREFIX -> prefixOn(field, c.text());
        default -> fieldWords(field, c.text());
      };
      case "entity" -> entity(c.text());
      case "author" -> author(c.text());
      case "source" -> new TermQuery(new Term(Schema.SOURCE, String.valueOf(Sources.normalize(c.text()))));
      case "type" -> new TermQuery(new Term(Schema.ENTITY_TYPE, EntityType.parse(c.text()).name()));
      case "language" -> new TermQuery(new Term(Schema.LANGUAGE, languageCode(c.text())));
      case "id" -> new TermQuery(new Term(Schema.ID, c.text().strip()));
      case "published" -> {
        long[] r = DateRanges.range(c.text());
        yield r == null ? words(c.text()) : LongField.newRangeQuery(Schema.PUBLISHED, r[0], r[1]);
      }
      default -> words(c.text());
    };
  }

  /** {@code language:German} is {@code language:de}; a value naming no language is looked for as written. */
  private static String languageCode(String written) {
    String code = dev.lede.article.Languages.code(written);
    return code != null ? code : written.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Plain words that together match a multi-word rule ({@code european central bank} in {@code
   * european central bank, ecb}): each word is already a clause of its own, so the rule's graph
   * query is one more optional clause, and an article that says only "ECB" matches too.
   */
  private void addMultiWordSynonyms(BooleanQuery.Builder scoring, String words) {
    if (matchesSynonym(words, true)) {
      List<Query> fields = new ArrayList<>();
      for (String field : Schema.ARTICLE_FIELDS) {
        Query q = textSynonyms.createBooleanQuery(field, words, BooleanClause.Occur.SHOULD);
        if (q != null) {
          fields.add(q);
        }
      }
      if (!fields.isEmpty()) {
        scoring.add(boost(new DisjunctionMaxQuery(fields, ranking.tieBreaker()), ranking.body()), BooleanClause.Occur.SHOULD);
      }
    }
  }

  /** A word with synonyms: each field's query comes from the synonym graph, weighted as {@link #dismax}. */
  private Query synonymWords(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // The article's fields one by one: a synonym's replacements are alternatives, which BM25F over
    // several fields does not take; the best field counts, as for a phrase.
    List<Query> article = new ArrayList<>();
    for (String field : Schema.ARTICLE_FIELDS) {
      Query q = textSynonyms.createPhraseQuery(field, text, 0);
      if (q != null) {
        article.add(q);
      }
    }
    if (!article.isEmpty()) {
      b.add(boost(new DisjunctionMaxQuery(article, ranking.tieBreaker()), ranking.body()), BooleanClause.Occur.SHOULD);
    }
    addSynonymField(b, Schema.HEADLINE, text, ranking.headline());
    addSynonymField(b, Schema.LEAD, text, ranking.lead());
    addSynonymField(b, Schema.ENTITY_TEXT, text, ranking.entity());
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private void addSynonymField(BooleanQuery.Builder b, String field, String text, float weight) {
    if (weight > 0) {
      // As a phrase: one word's replacement of several words ("ecb => european central bank") is
      // a phrase, not any of its words; alternatives at one position stay a synonym query.
      Query q = textSynonyms.createPhraseQuery(field, text, 0);
      if (q != null) {
        b.add(boost(q, weight), BooleanClause.Occur.SHOULD);
      }
    }
  }

  /** A word: scored in the whole article, plus the headline (and lead and entities when weighted). */
  private Query words(String text) {
    if (matchesSynonym(text, false)) {
      return synonymWords(text);
    }
    List<String> tokens = tokens(Schema.BODY, text);
    if (tokens.isEmpty()) {
      return null; // only stop words: the index keeps none
    }
    if (tokens.size() == 1) {
      return dismax(tokens.get(0));
    }
    // One word that analyses to several tokens (Jong-un, U.S.-led): its tokens as a phrase.
    return phrase(text);
  }

  private Query dismax(String token) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(boost(article(token), ranking.body()), BooleanClause.Occur.SHOULD);
    addIfWeighted(b, Schema.HEADLINE, token, ranking.headline());
    addIfWeighted(b, Schema.LEAD, token, ranking.lead());
    addIfWeighted(b, Schema.ENTITY_TEXT, token, ranking.entity());
    return b.build();
  }

  /**
   * A word scored in the whole article: BM25F over the headline, lead and body ({@link
   * CombinedFieldQuery}), so that the word saturates once across the fields and the article's whole
   * length normalises it, as one catch-all field did without indexing the text a second time.
   */
  static Query article(String token) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(token);
    for (String field : Schema.ARTICLE_FIELDS) {
      b.addField(field, 1f);
    }
    return b.build();
  }

  private static void addIfWeighted(BooleanQuery.Builder b, String field, String token, float weight) {
    if (weight > 0) {
      b.add(boost(new TermQuery(new Term(field, token)), weight), BooleanClause.Occur.SHOULD);
    }
  }

  private Query fieldWords(String field, String text) {
    List<String> tokens = tokens(field, text);
    if (tokens.isEmpty()) {
      return null;
    }
    return tokens.size() == 1 ? new TermQuery(new Term(field, tokens.get(0))) : phraseOf(field, tokens, 0);
  }

  /** A quoted phrase: as written (unstemmed), best in the headline. */
  private Query phrase(String text) {
    return phrase(text, 0);
  }

  private Query phrase(String text, int slop) {
    if (tokens(Schema.BODY, text).isEmpty()) {
      return null; // only stop words: the index keeps none
    }
    // The graph of a synonym rule makes each path through it a phrase of its own: "ecb rates" also
    // finds "european central bank rates", never "european rates".
    QueryBuilder builder = matchesSynonym(text, false) ? exactSynonyms : asWritten;
    List<Query> alternatives = new ArrayList<>();
    for (String field : Schema.ARTICLE_FIELDS) {
      Query q = builder.createPhraseQuery(field, text, slop);
      if (q != null) {
        alternatives.add(boost(q, field.equals(Schema.HEADLINE) ? ranking.body() + ranking.headline() : ranking.body()));
      }
    }
    alternatives.add(boost(phraseOn(Schema.ENTITY_TEXT, text, slop), Math.max(ranking.entity(), ranking.body())));
    if (ranking.author() > 0 && builder == asWritten) {
      alternatives.add(boost(phraseOn(Schema.AUTHOR_TEXT, text, slop), ranking.author())); // "Jane Doe" finds her bylines
    }
    return new DisjunctionMaxQuery(alternatives, ranking.tieBreaker());
  }

  /** A phrase as written in one of the article's fields, stop words as gaps; match-none when it has no word. */
  private Query asWrittenOn(String field, String text, int slop) {
    Query q = asWritten.createPhraseQuery(field, text, slop);
    return q == null ? new MatchNoDocsQuery("no words in phrase") : q;
  }

  private Query phraseOn(String field, String text, int slop) {
    List<String> tokens = tokens(field, text);
    return tokens.isEmpty() ? new MatchNoDocsQuery("no words in phrase") : phraseOf(field, tokens, slop);
  }

  private static Query phraseOf(String field, List<String> tokens, int slop) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder().setSlop(slop);
    for (String t : tokens) {
      pb.add(new Term(field, t));
    }
    return pb.build();
  }

  private Query prefix(String text) {
    Query headline = prefixOn(Schema.HEADLINE, text);
    if (headline == null) {
      return null;
    }
    return new DisjunctionMaxQuery(List.of(boost(headline, ranking.body() + ranking.headline()),
        boost(prefixOn(Schema.LEAD, text), ranking.body()), boost(prefixOn(Schema.BODY, text), ranking.body())), ranking.tieBreaker());
  }

  /** Words as written that start with the text (the marked forms only: a stem is no word anyone wrote). */
  private Query prefixOn(String field, String text) {
    BytesRef normalized = schema.asWrittenAnalyzer().normalize(field, text.strip());
    if (normalized.length == 0) {
      return null;
    }
    return new PrefixQuery(new Term(field, AsWrittenFilter.mark(normalized.utf8ToString())));
  }

  /** {@code entity:x}: the entity's names and aliases as text, and its exact key. */
  private Query entity(String text) {
    Query key = new TermQuery(new Term(Schema.ENTITY_KEY, Schema.entityKey(text)));
    Query words = phraseOn(Schema.ENTITY_TEXT, text, 0);
    float w = Math.max(ranking.entity(), ranking.body());
    return new DisjunctionMaxQuery(List.of(boost(key, w * 2), boost(words, w)), 0f);
  }

  /**
   * {@code author:x}, a filter: the whole name ({@code author:"Jane Doe"}, any case), or the words
   * of one name in order ({@code author:doe} finds Jane Doe).
   */
  private Query author(String text) {
    Query key = new TermQuery(new Term(Schema.AUTHOR_KEY, Schema.authorKey(text)));
    List<String> tokens = tokens(Schema.AUTHOR_TEXT, text);
    if (tokens.isEmpty()) {
      return key;
    }
    return new BooleanQuery.Builder()
        .add(key, BooleanClause.Occur.SHOULD)
        .add(phraseOf(Schema.AUTHOR_TEXT, tokens, 0), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** A query this long is not an author search: it gets no byline clause (and its clause budget stays as it was). */
  static final int BYLINE_MAX_WORDS = 12;

  /**
   * The plain words of a short query, looked for in bylines at the author weight: one clause for
   * the whole query rather than one per word, so that the clause budget of long queries, and with
   * it their results, do not change. A byline match alone is enough for an article to match.
   */
  static void addBylineWords(BooleanQuery.Builder b, List<String> words, float weight, Analyzer analyzer) {
    if (weight <= 0 || words.isEmpty() || words.size() > BYLINE_MAX_WORDS) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int n = 0;
    for (String word : words) {
      for (String token : Tokens.tokens(analyzer, Schema.AUTHOR_TEXT, word)) {
        any.add(new TermQuery(new Term(Schema.AUTHOR_TEXT, token)), BooleanClause.Occur.SHOULD);
        n++;
      }
    }
    if (n > 0) {
      b.add(boost(any.build(), weight), BooleanClause.Occur.SHOULD);
    }
  }

  /** A short query of this many words or fewer gets the {@link #addCoverageBoost coverage boost}. */
  static final int COVERAGE_MAX_WORDS = 6;

  /**
   * The coverage clause's weight, a share of the text weight. Measured on TIME, Cranfield and CISI
   * (docs/evaluation.md): 1.0 cost TIME 0.010 MAP, 0.5 cost 0.004, 0.25 costs 0.002, and 0.1 no longer
   * puts the article with every word first in {@code CoverageRankingTest}.
   */
  static final float COVERAGE_WEIGHT = 0.25f;

  /**
   * Coverage: an article that has every word of a short query scores those words a second time.
   * BM25 only adds the words' scores up, so one word said often ("iPhone" six times in a story
   * about a password) outweighs every word said once ("iPhone sales"), and two frequent words
   * outweigh the one that narrows the search ("UK election results" with no "UK"). People
   * expect the opposite: each word of a short news query is meant (issue 15, item 15). Long,
   * sentence-like queries are left as they are: there an article rarely has every word, and
   * missing one is no sign that it is off the subject.
   */
  private void addCoverageBoost(BooleanQuery.Builder b, List<String> words) {
    if (words.size() > COVERAGE_MAX_WORDS || matchesSynonym(String.join(" ", words), false)) {
      return;
    }
    java.util.Set<String> tokens = new java.util.LinkedHashSet<>();
    for (String word : words) {
      tokens.addAll(tokens(Schema.BODY, word));
    }
    if (tokens.size() < 2) {
      return;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String token : tokens) {
      all.add(article(token), BooleanClause.Occur.MUST);
    }
    b.add(boost(all.build(), ranking.body() * COVERAGE_WEIGHT), BooleanClause.Occur.SHOULD);
  }

  /** Proximity: the plain words of the query, in order, close together in the headline or the text. */
  private void addPhraseBoosts(BooleanQuery.Builder b, String words) {
    if (tokens(Schema.BODY, words).size() < 2) {
      return;
    }
    if (ranking.headlinePhrase() > 0) {
      b.add(boost(asWritten.createPhraseQuery(Schema.HEADLINE, words, 2), ranking.headlinePhrase()), BooleanClause.Occur.SHOULD);
    }
    if (ranking.textPhrase() > 0) {
      List<Query> fields = new ArrayList<>();
      for (String field : Schema.ARTICLE_FIELDS) {
        fields.add(asWritten.createPhraseQuery(field, words, 4));
      }
      b.add(boost(new DisjunctionMaxQuery(fields, 0f), ranking.textPhrase()), BooleanClause.Occur.SHOULD);
    }
  }

  /** The stemmed words of a text, as a word query looks for them in any text field. */
  private List<String> tokens(String field, String text) {
    return Tokens.tokens(schema.queryAnalyzer(), field, text);
  }

  private static Query boost(Query q, float boost) {
    return boost == 1f || q == null ? q : new BoostQuery(q, boost);
  }

  // --- The strict syntax ---

  /**
   * The strict syntax's name for the article as a whole, its default field: a word there is the
   * same query as a plain word of the forgiving syntax (BM25F over the headline, lead and body),
   * a quoted phrase there a phrase as written. No field of the index has this name.
   */
  static final String ANY = "text";

  Query strict(String text) {
    Analyzer analyzer = synonymText == null ? schema.queryAnalyzer() : new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String field) {
        return switch (field) {
          case ANY, Schema.HEADLINE, Schema.LEAD, Schema.BODY, Schema.ENTITY_TEXT -> synonymText;
          default -> schema.queryAnalyzer();
        };
      }
    };
    QueryParser parser = new QueryParser(ANY, analyzer) {
      @Override
      protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field.equals(ANY)) {
          return quoted ? phrase(queryText) : words(queryText);
        }
        if (quoted && Schema.ARTICLE_FIELDS.contains(field)) {
          return asWrittenOn(field, queryText, 0);
        }
        return super.getFieldQuery(field, queryText, quoted);
      }

      @Override
      protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field.equals(ANY)) {
          return phrase(queryText, slop);
        }
        if (Schema.ARTICLE_FIELDS.contains(field)) {
          return asWrittenOn(field, queryText, slop);
        }
        return super.getFieldQuery(field, queryText, slop);
      }

      @Override
      protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        if (field.equals(ANY)) {
          return prefix(termStr);
        }
        return Schema.ARTICLE_FIELDS.contains(field) ? prefixOn(field, termStr) : super.getPrefixQuery(field, termStr);
      }

      @Override
      protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (field.equals(ANY)) {
          return anyArticleField(f -> super.getFuzzyQuery(f, termStr, minSimilarity));
        }
        return super.getFuzzyQuery(field, termStr, minSimilarity);
      }

      @Override
      protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
          throws ParseException {
        if (field.equals(ANY)) {
          return anyArticleField(f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
        }
        return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
      }

      @Override
      protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        try {
          return field.equals(ANY) ? anyArticleField(f -> super.getRegexpQuery(f, termStr)) : super.getRegexpQuery(field, termStr);
        } catch (Refused e) {
          throw e;
        } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
          throw new Refused(termStr, "regular expression", e);
        }
      }

      @Override
      protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (!termStr.isEmpty() && (termStr.charAt(0) == '*' || termStr.charAt(0) == '?') && !termStr.equals("*")) {
          throw new Refused(termStr, "wildcard", null);
        }
        try {
          return field.equals(ANY) ? anyArticleField(f -> super.getWildcardQuery(f, termStr)) : super.getWildcardQuery(field, termStr);
        } catch (Refused e) {
          throw e;
        } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
          throw new Refused(termStr, "wildcard", e);
        }
      }
    };
    parser.setDefaultOperator(QueryParser.Operator.OR);
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    try {
      Query parsed = parser.parse(text);
      checkFields(parsed, text);
      return parsed;
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
        throw new QuerySyntaxException(text, text.length(),
            "query expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses: use fewer words or longer prefixes", e);
      }
      int column = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginColumn : -1;
      throw syntaxError(text, column, firstLine(e.getMessage()), e);
    } catch (TokenMgrError e) {
      Matcher m = COLUMN.matcher(String.valueOf(e.getMessage()));
      int column = m.find() ? Integer.parseInt(m.group(1)) - 1 : text.length();
      throw syntaxError(text, column, firstLine(e.getMessage()), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(text, text.length(),
          "query expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses: use fewer words or longer prefixes", e);
    } catch (Refused e) {
      throw e.toSyntaxError(text);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(text, text.length(), "query has a wildcard or regular expression too complex to run: simplify it", e);
    }
  }

  /**
   * The fields a strict query may name: those the schema indexes. Lucene's parser builds a query on
   * any name it is given, and a field no document has (author:, a typo) matched nothing without a
   * word of why (issue 15).
   */
  static final java.util.Set<String> FIELDS = java.util.Set.of(Schema.ID, Schema.HEADLINE, Schema.LEAD, Schema.BODY,
      Schema.ENTITY, Schema.ENTITY_KEY, Schema.ENTITY_TYPE, Schema.ENTITY_TYPED,
      Schema.ENTITY_TEXT, Schema.AUTHOR_TEXT, Schema.SOURCE, Schema.MONTH, Schema.LANGUAGE, Schema.STORY);

  /** The fields indexed with positions: the only ones a phrase can run on. */
  private static final java.util.Set<String> POSITIONAL = java.util.Set.of(Schema.HEADLINE, Schema.LEAD, Schema.BODY,
      Schema.ENTITY_TEXT, Schema.AUTHOR_TEXT);

  private static void checkFields(Query parsed, String text) {
    java.util.Set<String> unknown = new java.util.TreeSet<>();
    java.util.Set<String> phraseless = new java.util.TreeSet<>();
    parsed.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        if (!FIELDS.contains(field)) {
          unknown.add(field);
        }
        return true;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        if (query instanceof PhraseQuery p && !POSITIONAL.contains(p.getField())) {
          phraseless.add(p.getField());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (!unknown.isEmpty()) {
      String field = unknown.iterator().next();
      int pos = position(text, field);
      String why = field.equals(Schema.PUBLISHED)
          ? "query field 'published' holds numbers, which this syntax cannot range over: use --since/--until, or published:[a TO b] "
              + "with --syntax simple"
          : "query names an unknown field '" + field + "' at position " + pos + ": the fields are headline, lead, body, text, entity, "
              + "entity_text, entity_type, source, language, id and story (or use --syntax simple)";
      throw new QuerySyntaxException(text, pos, why, null);
    }
    if (!phraseless.isEmpty()) {
      // Lucene would throw an IllegalStateException at search time: an internal error to the user.
      String field = phraseless.iterator().next();
      int pos = position(text, field);
      throw new QuerySyntaxException(text, pos, "query phrase on field '" + field + "' at position " + pos + ": the field holds whole values, not "
          + "running text, so it cannot take a phrase" + (field.equals(Schema.ENTITY) ? ": use entity_text:\"...\"" : ""), null);
    }
  }

  /** A query built by the parser for each of the article's fields, the best one counting. */
  private static Query anyArticleField(ParserStep step) throws ParseException {
    List<Query> each = new ArrayList<>();
    for (String field : Schema.ARTICLE_FIELDS) {
      Query q = step.build(field);
      if (q != null) {
        each.add(q);
      }
    }
    return each.isEmpty() ? null : new DisjunctionMaxQuery(each, 0f);
  }

  @FunctionalInterface
  private interface ParserStep {
    Query build(String field) throws ParseException;
  }

  private static int position(String text, String field) {
    int at = text.indexOf(field + ":");
    return at < 0 ? 0 : at;
  }

  /** A wildcard or regular expression refused inside the parser, carried out with its text to find its position. */
  private static final class Refused extends RuntimeException {
    private final String term;
    private final String kind;

    Refused(String term, String kind, RuntimeException cause) {
      super(cause);
      this.term = term;
      this.kind = kind;
    }

    QuerySyntaxException toSyntaxError(String text) {
      int at = text.indexOf(kind.equals("wildcard") ? term : "/" + term + "/");
      int pos = at >= 0 ? at : text.length();
      String what;
      if (getCause() == null) {
        what = "starts with * or ?, which would scan every word in the index: put letters before it";
      } else if (getCause() instanceof TooComplexToDeterminizeException) {
        what = "is too complex to run (" + firstLine(getCause().getMessage()) + "): simplify it";
      } else {
        what = "is invalid: " + firstLine(getCause().getMessage());
      }
      return new QuerySyntaxException(text, pos, "query " + kind + " at position " + pos + " " + what, getCause());
    }
  }

  private static QuerySyntaxException syntaxError(String text, int column, String detail, Throwable cause) {
    int pos = column < 0 ? text.length() : Math.min(column, text.length());
    String hint = "check quotes, brackets and operators there, or use --syntax simple";
    return new QuerySyntaxException(text, pos, "query syntax error at position " + pos + ": " + detail + " (" + hint + ")", cause);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "cannot parse";
    }
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).strip();
    return line.replaceFirst("^Cannot parse '.*?': ", "");
  }
}
