package dev.lede.search;

import dev.lede.index.LanguageFields;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The text of a query over every language an index holds (docs/languages.md).
 *
 * <p>English articles are searched by {@link QueryFactory}'s query, as in an index of English only.
 * For each other language whose fields the index has ({@link LanguageFields#languagesIn}, read
 * from the field infos, so nothing is configured), the same text is analysed again with that
 * language's chain and searched in that language's fields. Each language's query is restricted to
 * that language's articles, and the queries are joined as alternatives: an article matches and is
 * scored through its own language's query only. The statistics behind its score (document count,
 * average length, how rare a word is) are its language's, so an index of 95 % English articles
 * neither makes every German word look rare nor lets English words outweigh German ones.
 *
 * <p>An index with English articles only gets exactly {@link QueryFactory}'s query. A query limited
 * to some languages ({@link NewsQuery#languages()}) builds the queries of those only.
 */
final class LanguageQueries {
  private final Schema schema;
  private final Ranking ranking;

  LanguageQueries(Schema schema, Ranking ranking) {
    this.schema = schema;
    this.ranking = ranking;
  }

  /** The scoring query of {@code q}'s text over the languages of {@code reader}. */
  Query text(QueryFactory english, NewsQuery q, IndexReader reader) {
    Query en = english.text(q);
    if (q.text().isBlank()) {
      return en;
    }
    SortedSet<String> present = LanguageFields.languagesIn(reader);
    Set<String> wanted = q.languages();
    List<String> others = present.stream().filter(code -> wanted.isEmpty() || wanted.contains(code)).toList();
    if (others.isEmpty()) {
      return en; // English only: the query of an index without languages
    }
    boolean withEnglish = wanted.isEmpty() || wanted.contains("en");
    // Lucene counts every clause of the whole query against one limit: the languages share what English leaves.
    int budget = (QueryFactory.SIMPLE_LEAF_BUDGET - (withEnglish ? QueryFactory.leafCount(en) : 0)) / others.size();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (withEnglish) {
      // English fields hold the articles of no other language (and those that have no language at all).
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(en, BooleanClause.Occur.MUST);
      b.add(new TermInSetQuery(Schema.LANGUAGE, present.stream().map(BytesRef::new).toList()), BooleanClause.Occur.MUST_NOT);
      any.add(b.build(), BooleanClause.Occur.SHOULD);
    }
    for (String code : others) {
      Query query = q.syntax() == Syntax.LUCENE ? strict(code, q.text()) : simple(english, code, q.text(), budget);
      if (query != null) {
        any.add(new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Schema.LANGUAGE, code)), BooleanClause.Occur.FILTER)
            .build(), BooleanClause.Occur.SHOULD);
      }
    }
    return any.build();
  }

  /** The forgiving syntax on one language's fields; what is not text (filters, entities, authors) as in English. */
  private Query simple(QueryFactory english, String code, String text, int budget) {
    SimpleClauses placed = new SimpleClauses(budget);
    boolean asked = false; // whether the text asks for anything, as opposed to only excluding and filtering
    for (SimpleQueryParser.Clause c : SimpleQueryParser.parse(text)) {
      asked |= c.occur() != SimpleQueryParser.Occur.MUST_NOT && !SimpleClauses.isFilter(c.field());
      Query query = isText(c.field()) ? textClause(code, c) : english.clause(c);
      if (query != null && !placed.add(c, query)) {
        break;
      }
    }
    if (!placed.anyPositive() && asked) {
      return null; // only stop words of this language: none of its articles match
    }
    List<String> plainWords = placed.plainWords;
    if (plainWords.size() >= 2 && plainWords.size() <= QueryFactory.COVERAGE_MAX_WORDS) {
      addCoverageAndPhrase(placed.scoring, code, plainWords);
    }
    // bylines are names, analysed alike in every language: the words of a short query find an author's articles, as in English
    QueryFactory.addBylineWords(placed.scoring, plainWords, ranking.author(), schema.analyzer(Schema.AUTHOR_TEXT));
    return placed.build(new org.apache.lucene.search.MatchAllDocsQuery());
  }

  private static boolean isText(String field) {
    return field == null || switch (field) {
      case "headline", "lead", "body" -> true;
      case "entity", "author", "source", "type", "language", "id", "published" -> false;
      default -> true; // an unknown field is read as words, as in English
    };
  }

  private Query textClause(String code, SimpleQueryParser.Clause c) {
    String text = LanguageFields.text(code);
    String headline = LanguageFields.headline(code);
    boolean inHeadline = "headline".equals(c.field());
    return switch (c.kind()) {
      case PHRASE -> inHeadline ? phrase(headline, c.text()) : new DisjunctionMaxQuery(List.of(
          boost(phrase(text, c.text()), ranking.body()), boost(phrase(headline, c.text()), ranking.body() + ranking.headline())),
          ranking.tieBreaker());
      case PREFIX -> prefix(inHeadline ? headline : text, c.text());
      case WORD, RANGE -> c.field() != null ? phrase(inHeadline ? headline : text, c.text()) : words(code, c.text());
    };
  }

  /** A word: in the language's text, plus its headline at the headline's weight. */
  private Query words(String code, String word) {
    String text = LanguageFields.text(code);
    List<String> tokens = tokens(text, word);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() > 1) {
      return phrase(text, word); // one word that analyses to several tokens (Jean-Pierre): as a phrase
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(boost(new TermQuery(new Term(text, tokens.get(0))), ranking.body()), BooleanClause.Occur.SHOULD);
    if (ranking.headline() > 0) {
      b.add(boost(new TermQuery(new Term(LanguageFields.headline(code), tokens.get(0))), ranking.headline()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** As in English: every word of a short query scores a second time together, and the words as a phrase in the headline. */
  private void addCoverageAndPhrase(BooleanQuery.Builder b, String code, List<String> words) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String word : words) {
      tokens.addAll(tokens(LanguageFields.text(code), word));
    }
    if (tokens.size() < 2) {
      return;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String token : tokens) {
      all.add(new TermQuery(new Term(LanguageFields.text(code), token)), BooleanClause.Occur.MUST);
    }
    b.add(boost(all.build(), ranking.body() * QueryFactory.COVERAGE_WEIGHT), BooleanClause.Occur.SHOULD);
    if (ranking.headlinePhrase() > 0) {
      PhraseQuery.Builder p = new PhraseQuery.Builder().setSlop(2);
      tokens(LanguageFields.headline(code), String.join(" ", words)).forEach(t -> p.add(new Term(LanguageFields.headline(code), t)));
      b.add(boost(p.build(), ranking.headlinePhrase()), BooleanClause.Occur.SHOULD);
    }
  }

  /** A phrase as the language's chain sees it: a stop word inside ("renforce sa présence") keeps its place. */
  private Query phrase(String field, String text) {
    Query q = new QueryBuilder(schema.perFieldAnalyzer()).createPhraseQuery(field, text);
    return q != null ? q : new BooleanQuery.Builder().build(); // no words: matches nothing
  }

  private Query prefix(String field, String text) {
    BytesRef normalized = schema.analyzer(field).normalize(field, text.strip());
    return normalized.length == 0 ? null : new PrefixQuery(new Term(field, normalized));
  }

  /** The strict syntax on one language's fields. The English pass already checked the syntax and the fields. */
  private Query strict(String code, String text) {
    String[] fields = {LanguageFields.text(code), LanguageFields.headline(code)};
    MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, schema.perFieldAnalyzer(),
        java.util.Map.of(fields[0], ranking.body(), fields[1], ranking.headline()));
    parser.setDefaultOperator(QueryParser.Operator.OR);
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      return null; // cannot happen after the English pass; this language then adds nothing
    }
  }

  private List<String> tokens(String field, String text) {
    Analyzer analyzer = schema.analyzer(field);
    return Tokens.tokens(analyzer, field, text);
  }

  private static Query boost(Query q, float boost) {
    return boost == 1f || q == null ? q : new BoostQuery(q, boost);
  }
}
