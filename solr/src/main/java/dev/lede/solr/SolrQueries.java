package dev.lede.solr;

import dev.lede.QuerySyntaxException;
import dev.lede.search.Facet;
import dev.lede.search.NewsQuery;
import dev.lede.search.Ranking;
import dev.lede.search.Recency;
import dev.lede.search.SortOrder;
import dev.lede.search.Syntax;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * Translates a {@link NewsQuery} into Solr request parameters: edismax over the weighted text
 * fields, filters as {@code fq} (which do not score), sort with the document id as the last
 * tie-breaker (cursorMark needs it), facets, unified highlighting with private-use markers, and
 * collapse by story. Pure: no I/O, so it is tested without a cluster.
 */
final class SolrQueries {
  /** Highlight markers: private-use characters that never occur in news text. */
  static final String MARK_OPEN = "\uE000";
  static final String MARK_CLOSE = "\uE001";
  /** The tag of the collapse filter, so that facets can count every matching article, not only story heads. */
  static final String COLLAPSE_TAG = "story";
  /** Lede cursors on Solr carry this prefix, so that a cursor of another backend is refused clearly. */
  static final String CURSOR_PREFIX = "solr:";

  private static final Pattern DATE_IN_RANGE = Pattern.compile("(?<=[\\[{ ])(\\d{4}-\\d{2}-\\d{2})(?=[ \\]}])");
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern PUBLISHED_RANGE = Pattern.compile("published:[\\[{][^\\]}]*[\\]}]");

  private SolrQueries() {}

  /**
   * Field weights and phrase boosts, from Lede's own {@link Ranking}: the same numbers the embedded
   * index ranks with. The scoring model is not: the configset keeps Solr's BM25 (k1 1.2, b 0.75),
   * while the embedded index scores with DFR by default (docs/evaluation.md).
   */
  record Weights(Ranking ranking) {
    static final Weights DEFAULT = new Weights(Ranking.defaults());

    /**
     * Close to the embedded index: a word in the headline, lead and body at the body weight, the
     * headline's weight on top, entities when weighted. Each field's score adds up ({@code tie=1}):
     * edismax has no BM25F, which the embedded index scores the three fields with.
     */
    String qf() {
      StringBuilder qf = new StringBuilder(SolrFields.HEADLINE + "^" + (ranking.body() + ranking.headline()));
      weighted(qf, SolrFields.LEAD, ranking.body() + ranking.lead());
      weighted(qf, SolrFields.BODY, ranking.body());
      weighted(qf, SolrFields.ENTITY_TEXT, ranking.entity());
      return qf.toString();
    }

    private static void weighted(StringBuilder qf, String field, float weight) {
      if (weight > 0) {
        qf.append(' ').append(field).append('^').append(weight);
      }
    }

    /** A headline that holds the query as a phrase, as written, ranks first; a phrase in the text helps less. */
    String pf() {
      return SolrFields.HEADLINE_EXACT + "~2^" + ranking.headlinePhrase() + " " + SolrFields.EXACT + "~4^" + ranking.textPhrase();
    }
  }

  static SolrQuery search(NewsQuery q, Weights w) {
    SolrQuery s = new SolrQuery();
    String text = q.text().strip();
    if (text.isEmpty()) {
      s.set("defType", "lucene");
      s.setQuery("*:*");
    } else {
      if (q.syntax() == Syntax.LUCENE) {
        checkStrictSyntax(text);
      }
      s.set("defType", "edismax");
      s.setQuery(normalizeDates(text));
      s.set("qf", w.qf());
      s.set("pf", w.pf());
      s.set("tie", "1.0"); // field scores add up, as the embedded index's word query does
      // Words are alternatives, as in the embedded index; +word, AND and -word constrain.
      s.set("q.op", "OR");
      s.set("mm", "0");
      s.set("sow", true);
      // Fields a user may name in the query, with the embedded syntax's aliases; anything else is words.
      s.set("uf", "headline title lead body source entity type language lang published date");
      s.set("f.title.qf", SolrFields.HEADLINE);
      s.set("f.entity.qf", SolrFields.ENTITY_TEXT);
      s.set("f.type.qf", SolrFields.ENTITY_TYPE);
      s.set("f.lang.qf", SolrFields.LANGUAGE);
      s.set("f.date.qf", SolrFields.PUBLISHED);
      if (q.sort() == SortOrder.RELEVANCE && q.recency().enabled()) {
        s.set("bf", recencyFunction(q.recency()));
      }
    }
    filters(q, s);
    sort(q, s);
    s.setRows(q.limit());
    s.set(CursorMarkParams.CURSOR_MARK_PARAM, cursorMark(q.cursor()));
    s.setFields(SolrFields.ID, SolrFields.ARTICLE_ID, "score", SolrFields.STORY, SolrFields.SOURCE, SolrFields.ORIGINAL);
    if (q.collapse()) {
      collapse(q, s);
    }
    facets(q, s);
    if (q.highlight() && !text.isEmpty()) {
      highlight(s);
    }
    if (q.explain()) {
      s.set("debug", "results");
      s.set("debug.explain.structured", false);
    }
    return s;
  }

  /** Filters of a query: they narrow, never score, and are cached by Solr one by one. */
  static void filters(NewsQuery q, SolrQuery s) {
    for (String a : q.authors()) {
      s.addFilterQuery(SolrFields.AUTHOR_KEY + ":" + quote(dev.lede.index.Schema.authorKey(a)));
    }
    if (!q.sources().isEmpty()) {
      s.addFilterQuery(anyOf(SolrFields.SOURCE, q.sources()));
    }
    for (String e : q.entities()) {
      s.addFilterQuery(SolrFields.ENTITY_KEY + ":" + quote(SolrFields.entityKey(e)));
    }
    if (!q.entityTypes().isEmpty()) {
      s.addFilterQuery(anyOf(SolrFields.ENTITY_TYPE, q.entityTypes().stream().map(Enum::name).sorted().toList()));
    }
    if (q.since() != null || q.until() != null) {
      s.addFilterQuery(SolrFields.PUBLISHED + ":[" + (q.since() == null ? "*" : q.since().toString()) + " TO "
          + (q.until() == null ? "*" : q.until().toString()) + "}");
    }
    if (!q.languages().isEmpty()) {
      s.addFilterQuery(anyOf(SolrFields.LANGUAGE, q.languages()));
    }
  }

  private static void sort(NewsQuery q, SolrQuery s) {
    switch (q.sort()) {
      case RELEVANCE -> {
        s.addSort("score", SolrQuery.ORDER.desc);
        s.addSort(SolrFields.PUBLISHED, SolrQuery.ORDER.desc);
      }
      case NEWEST -> s.addSort(SolrFields.PUBLISHED, SolrQuery.ORDER.desc);
      case OLDEST -> s.addSort(SolrFields.PUBLISHED, SolrQuery.ORDER.asc);
    }
    s.addSort(SolrFields.ID, SolrQuery.ORDER.asc);
  }

  private static void collapse(NewsQuery q, SolrQuery s) {
    // The best-scoring member stands for its story; under a date sort, the member first in that order.
    String head = switch (q.sort()) {
      case RELEVANCE -> "";
      case NEWEST -> " sort='" + SolrFields.PUBLISHED + " desc," + SolrFields.ID + " asc'";
      case OLDEST -> " sort='" + SolrFields.PUBLISHED + " asc," + SolrFields.ID + " asc'";
    };
    s.addFilterQuery("{!collapse tag=" + COLLAPSE_TAG + " field=" + SolrFields.STORY + head + "}");
    s.set("expand", true);
    s.set("expand.rows", 100);
    s.set("expand.fl", SolrFields.ARTICLE_ID + "," + SolrFields.SOURCE);
  }

  private static void facets(NewsQuery q, SolrQuery s) {
    if (q.facets().isEmpty()) {
      return;
    }
    s.setFacet(true);
    s.setFacetMinCount(1);
    s.setFacetLimit(q.facetLimit());
    s.setFacetSort("count");
    for (Facet f : q.facets()) {
      s.addFacetField("{!ex=" + COLLAPSE_TAG + " key=" + f.name() + "}" + facetField(f));
    }
    if (q.facets().contains(Facet.MONTH)) {
      // Months read as a timeline, newest first (as in the embedded index): every month comes back
      // (one value per month: few) and the client orders and cuts them.
      s.set("f." + SolrFields.MONTH + ".facet.limit", -1);
    }
  }

  static String facetField(Facet f) {
    return switch (f) {
      case SOURCE -> SolrFields.SOURCE;
      case ENTITY -> SolrFields.ENTITY;
      case ENTITY_TYPE -> SolrFields.ENTITY_TYPE;
      case MONTH -> SolrFields.MONTH;
      case AUTHOR -> SolrFields.AUTHOR;
      case LANGUAGE -> SolrFields.LANGUAGE;
    };
  }

  private static void highlight(SolrQuery s) {
    s.setHighlight(true);
    s.set("hl.method", "unified");
    s.set("hl.fl", SolrFields.HEADLINE + "," + SolrFields.LEAD + "," + SolrFields.BODY);
    s.set("hl.tag.pre", MARK_OPEN);
    s.set("hl.tag.post", MARK_CLOSE);
    s.set("hl.encoder", "");
    s.set("hl.snippets", 1);
    s.set("hl.fragsize", 240);
    s.set("hl.bs.type", "SENTENCE");
    s.set("hl.bs.language", "en");
    // A phrase match is one span, as in the embedded index.
    s.set("hl.weightMatches", true);
    s.set("hl.defaultSummary", false);
    s.set("f." + SolrFields.HEADLINE + ".hl.bs.type", "WHOLE");
    s.set("f." + SolrFields.HEADLINE + ".hl.fragsize", 0);
  }

  /**
   * A bounded, additive boost: {@code weight * pivot / (pivot + |asOf - published|)}, the same curve
   * as Lucene's distance-feature query that the embedded index uses; articles without a date get none.
   */
  static String recencyFunction(Recency r) {
    String asOf = r.asOf() == null ? "NOW" : r.asOf().toString();
    double perMs = 1.0 / r.pivot().toMillis();
    return String.format(Locale.ROOT, "if(exists(%s),product(%s,recip(abs(ms(%s,%s)),%s,1,1)),0)",
        SolrFields.PUBLISHED, Float.toString(r.weight()), asOf, SolrFields.PUBLISHED, Double.toString(perMs));
  }

  static String cursorMark(String cursor) {
    if (cursor == null) {
      return CursorMarkParams.CURSOR_MARK_START;
    }
    String rest = checkedCursor(cursor);
    int colon = rest.indexOf(':');
    return colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit) ? rest.substring(colon + 1) : rest;
  }

  /**
   * How many hits came before the page a cursor starts: {@code solr:OFFSET:MARK} carries it so that
   * ranks continue across pages (issue 15); an older {@code solr:MARK} counts as 0.
   */
  static long cursorOffset(String cursor) {
    if (cursor == null) {
      return 0;
    }
    String rest = checkedCursor(cursor);
    int colon = rest.indexOf(':');
    if (colon > 0 && colon <= 18 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
      return Long.parseLong(rest.substring(0, colon));
    }
    return 0;
  }

  /** The cursor of the page after one that started at {@code offset} and held {@code hits} hits. */
  static String cursor(long offset, int hits, String mark) {
    return CURSOR_PREFIX + (offset + hits) + ":" + mark;
  }

  private static String checkedCursor(String cursor) {
    if (!cursor.startsWith(CURSOR_PREFIX)) {
      throw new IllegalArgumentException("illegal cursor '" + cursor + "': not a cursor of a Solr-backed index");
    }
    return cursor.substring(CURSOR_PREFIX.length());
  }

  /**
   * Strict syntax is checked on the client with Lucene's own classic parser (the syntax Solr's
   * {@code lucene} parser reads), so that the error names the position; edismax then runs it.
   */
  static void checkStrictSyntax(String text) {
    try {
      new QueryParser(SolrFields.BODY, new StandardAnalyzer()).parse(text);
    } catch (ParseException e) {
      // parse() wraps the parser's own exception, which knows the token; lexical errors only say the column.
      ParseException inner = e.getCause() instanceof ParseException p ? p : e;
      int position = -1;
      if (inner.currentToken != null && inner.currentToken.next != null) {
        var next = inner.currentToken.next;
        // At the end of the input the parser points at the last character; the error is just past it.
        position = next.kind == 0 ? text.length() : next.beginColumn; // Lucene's columns count from 0
      } else {
        Matcher m = COLUMN.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
          position = Integer.parseInt(m.group(1));
        }
      }
      position = Math.min(text.length(), position);
      String reason = String.valueOf(inner.getMessage()).lines().findFirst().orElse("syntax error");
      throw new QuerySyntaxException(text, position,
          "cannot parse query '" + text + "'" + (position >= 0 ? " at position " + position : "") + ": " + reason, e);
    } catch (RuntimeException e) {
      // e.g. too many clauses: not a syntax error, Solr will answer it
    }
  }

  /** Plain dates in a {@code published:[from TO to]} range become instants, as the simple syntax promises. */
  static String normalizeDates(String text) {
    Matcher m = PUBLISHED_RANGE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String range = DATE_IN_RANGE.matcher(m.group()).replaceAll("$1T00:00:00Z");
      m.appendReplacement(sb, Matcher.quoteReplacement(range));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String anyOf(String field, Collection<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(quote(v));
    }
    return field + ":(" + String.join(" OR ", quoted) + ")";
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String escape(String value) {
    return ClientUtils.escapeQueryChars(value);
  }

  static Instant parseInstant(Object o) {
    return o instanceof java.util.Date d ? d.toInstant() : null;
  }
}
