package dev.lede.bench.index;

import dev.lede.article.Article;
import dev.lede.index.NewsAnalyzers;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import dev.lede.search.Facet;
import dev.lede.search.NewsQuery;
import dev.lede.search.SortOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed, seeded mix of queries drawn from the corpus's own headlines, so that most find something:
 * plain words, quoted phrases, a source filter, a date window, facets, sort by date, browsing a
 * source by date, and deep pages. The same seed gives the same queries on every machine.
 */
final class QueryMix {
  /** What a query exercises. */
  enum Kind {
    WORDS, PHRASE, SOURCE_FILTER, DATE_FILTER, FACETS, SORT_BY_DATE, BROWSE_SOURCE, DEEP_PAGE
  }

  /**
   * One query of the mix.
   *
   * @param words the query's words, lower case, each one token in both analysis chains
   * @param phrase whether the words are one quoted phrase
   * @param page the page wanted (1 = first), 10 hits per page
   */
  record BenchQuery(Kind kind, List<String> words, boolean phrase, String source, Instant since, Instant until,
      boolean facets, SortOrder sort, int page) {
    static final int PAGE_SIZE = 10;

    /** The text as a user would type it into Lede. */
    String text() {
      String joined = String.join(" ", words);
      return phrase ? "\"" + joined + "\"" : joined;
    }

    /**
     * The Lede query. {@code equivalent} turns off what the raw-Lucene side does not do (story
     * collapse, highlighting); otherwise the query keeps Lede's defaults.
     */
    NewsQuery toNewsQuery(boolean equivalent, String cursor) {
      NewsQuery.Builder b = NewsQuery.builder(text()).sort(sort).limit(PAGE_SIZE);
      if (source != null) {
        b.source(source);
      }
      b.since(since).until(until);
      if (facets) {
        b.facet(Facet.SOURCE, Facet.MONTH);
      }
      if (equivalent) {
        b.collapse(false).highlight(false);
      }
      if (cursor != null) {
        b.after(cursor);
      }
      return b.build();
    }
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  private static final Pattern ANY_WORD = Pattern.compile("\\p{L}+");

  private QueryMix() {}

  static List<BenchQuery> generate(List<Article> articles, int count, long seed) {
    Random random = new Random(seed);
    Schema schema = Schema.defaults();
    List<BenchQuery> out = new ArrayList<>(count);
    while (out.size() < count) {
      Article a = articles.get(random.nextInt(articles.size()));
      List<String> words = usableWords(schema, a.headline());
      if (words.size() < 2) {
        continue;
      }
      double r = random.nextDouble();
      Kind kind = r < 0.25 ? Kind.WORDS
          : r < 0.40 ? Kind.PHRASE
          : r < 0.52 ? Kind.SOURCE_FILTER
          : r < 0.64 ? Kind.DATE_FILTER
          : r < 0.76 ? Kind.FACETS
          : r < 0.86 ? Kind.SORT_BY_DATE
          : r < 0.90 ? Kind.BROWSE_SOURCE
          : Kind.DEEP_PAGE;
      if ((kind == Kind.SOURCE_FILTER || kind == Kind.BROWSE_SOURCE) && a.source() == null
          || kind == Kind.DATE_FILTER && a.published() == null) {
        continue;
      }
      List<String> picked = switch (kind) {
        case PHRASE -> {
          List<List<String>> pairs = adjacentPairs(schema, a.headline());
          yield pairs.isEmpty() ? null : pairs.get(random.nextInt(pairs.size()));
        }
        case BROWSE_SOURCE -> List.of();
        case DEEP_PAGE -> List.of(words.get(random.nextInt(words.size())));
        default -> pick(words, 1 + random.nextInt(Math.min(3, words.size())), random);
      };
      if (picked == null) {
        continue;
      }
      String source = kind == Kind.SOURCE_FILTER || kind == Kind.BROWSE_SOURCE ? a.source() : null;
      Instant since = null;
      Instant until = null;
      if (kind == Kind.DATE_FILTER) {
        since = a.published().minus(Duration.ofDays(45));
        until = a.published().plus(Duration.ofDays(45));
      }
      SortOrder sort = kind == Kind.SORT_BY_DATE || kind == Kind.BROWSE_SOURCE ? SortOrder.NEWEST : SortOrder.RELEVANCE;
      int page = kind == Kind.DEEP_PAGE ? 10 + random.nextInt(41) : 1;
      out.add(new BenchQuery(kind, picked, kind == Kind.PHRASE, source, since, until, kind == Kind.FACETS, sort, page));
    }
    return out;
  }

  /**
   * Words of a headline that analyse to exactly one token in both chains (no stop word, no
   * hyphenated compound), so that the raw-Lucene side can build Lede's query word by word. Kept in
   * headline order, so that neighbours make a phrase.
   */
  private static List<String> usableWords(Schema schema, String headline) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(headline);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (Tokens.tokens(schema.queryAnalyzer(), Schema.BODY, w).size() == 1
          && Tokens.tokens(NewsAnalyzers.exact(), Schema.BODY, w).size() == 1) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Neighbouring words of a headline, each one token as written, at least one of them no stop
   * word: the phrases a reader would quote.
   */
  private static List<List<String>> adjacentPairs(Schema schema, String headline) {
    List<String> all = new ArrayList<>();
    Matcher m = ANY_WORD.matcher(headline);
    while (m.find()) {
      all.add(m.group().toLowerCase(Locale.ROOT));
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i + 1 < all.size(); i++) {
      String x = all.get(i);
      String y = all.get(i + 1);
      boolean asWritten = Tokens.tokens(NewsAnalyzers.exact(), Schema.BODY, x + " " + y).size() == 2;
      boolean content = Tokens.tokens(schema.queryAnalyzer(), Schema.BODY, x + " " + y).size() >= 1;
      if (asWritten && content) {
        out.add(List.of(x, y));
      }
    }
    return out;
  }

  private static List<String> pick(List<String> words, int n, Random random) {
    List<String> copy = new ArrayList<>(words);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(copy.remove(random.nextInt(copy.size())));
    }
    return out;
  }
}
