package dev.lede.search;

import dev.lede.index.AsWrittenFilter;
import dev.lede.index.LanguageFields;
import dev.lede.index.NewsAnalyzers;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Marks where a query matched a headline, and picks the body passage that matched best.
 *
 * <p>It re-analyses the text with each field's own analyzer and compares tokens with the terms the
 * query holds for that field, so offsets point at the words as written ({@code Putin’s} for a
 * query {@code putin}). Matches separated only by spaces or punctuation merge into one span: a
 * phrase is marked as a phrase.
 *
 * <p>Words found through a synonym are marked like any other: the terms come from the query that
 * ran, in which the synonym filter has already put every alternative (a synonym query, or the
 * phrases of a multi-word synonym), so the highlighter needs no synonym list of its own.
 *
 * <p>The English fields' analysis works word by word (no filter of the chain looks at a word's
 * neighbours), so a text is only cut into words here, and each distinct word is analysed once per
 * search and remembered: the ten hits of a page share most of their words, and the chain (stop
 * words, the copy as written, the stemmer) was most of a search's highlighting cost (issue 19).
 * The sentences of a text are only read up to its last match, as no later one can be the best.
 * Other languages' chains may look across words (compounds, bigrams) and are run over the text.
 * One instance serves one search, on one thread.
 */
final class Highlighter {
  /** The longest snippet, in chars. */
  static final int SNIPPET_CHARS = 240;
  private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

  private final Schema schema;
  private final Map<String, Set<String>> terms = new HashMap<>();
  private final Map<String, List<ByteRunAutomaton>> automata = new HashMap<>();
  /** Per analysed field: whether a word as the tokenizer cut it makes a term the query holds. */
  private final Map<String, CharArrayMap<Boolean>> wordMatches = new HashMap<>();
  /** Per analysed field: the first letters of its terms and the entity words' (null: any word may match). */
  private final Map<String, Optional<boolean[]>> firstLetters = new HashMap<>();
  private final Map<String, String> languages = new HashMap<>();
  private StandardTokenizer words;
  private CharTermAttribute word;
  private OffsetAttribute wordOffset;

  Highlighter(Schema schema, Query query) {
    this.schema = schema;
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... ts) {
            for (Term t : ts) {
              terms.computeIfAbsent(t.field(), f -> new HashSet<>()).add(t.text());
            }
          }

          @Override
          public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            automata.computeIfAbsent(field, f -> new ArrayList<>()).add(automaton.get());
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
  }

  Highlight headline(String headline) {
    return new Highlight(headline, matches(headline, Schema.HEADLINE));
  }

  /** The headline of an article in a language (its language code; null: English), marked in that language's fields. */
  Highlight headline(String headline, String language) {
    String code = analysisLanguage(language);
    if (LanguageFields.isEnglish(code)) {
      return headline(headline);
    }
    return new Highlight(headline, matches(headline, LanguageFields.headline(code), LanguageFields.text(code)));
  }

  /** The best passage of an article's text in a language (its language code; null: English). */
  Highlight snippet(String text, String language) {
    String code = analysisLanguage(language);
    return LanguageFields.isEnglish(code) ? snippet(text) : snippetIn(text, LanguageFields.text(code));
  }

  /** {@link LanguageFields#analysisLanguage}, worked out once per language a search's hits are in. */
  private String analysisLanguage(String language) {
    return language == null ? LanguageFields.analysisLanguage(null)
        : languages.computeIfAbsent(language, LanguageFields::analysisLanguage);
  }

  /**
   * The best passage of a text (an article's lead and body, without the boilerplate its index
   * entry left out); its start when nothing matched.
   */
  Highlight snippet(String text) {
    return snippetIn(text, null);
  }

  /** As {@link #snippet(String)}; with {@code languageField}, the matches of that per-language field instead of the English ones. */
  private Highlight snippetIn(String text, String languageField) {
    if (text.isEmpty()) {
      return Highlight.plain("");
    }
    List<Span> all = matchesIn(text, languageField);
    int[] best = bestSentence(text, all);
    int from = best[0];
    int to = best[1];
    if (to - from > SNIPPET_CHARS) {
      // A long sentence: keep a window that starts a little before its first match.
      int first = all.stream().filter(s -> s.start() >= best[0] && s.end() <= best[1]).mapToInt(Span::start).findFirst().orElse(from);
      from = Math.max(from, wordStart(text, first - SNIPPET_CHARS / 4));
      to = Math.min(to, wordEnd(text, from + SNIPPET_CHARS));
    }
    String snippet = WHITE_SPACE.matcher(text.substring(from, to)).replaceAll(" ");
    if (snippet.length() != to - from) {
      // White space folded: recompute spans on the folded text rather than shift them by hand.
      return new Highlight(snippet, matchesIn(snippet, languageField));
    }
    List<Span> spans = new ArrayList<>();
    for (Span s : all) {
      if (s.start() >= from && s.end() <= to) {
        spans.add(new Span(s.start() - from, s.end() - from));
      }
    }
    return new Highlight(snippet, spans);
  }

  private List<Span> matchesIn(String snippet, String languageField) {
    if (languageField != null) {
      return matches(snippet, languageField);
    }
    List<Span> spans = matches(snippet, Schema.BODY);
    return spans.isEmpty() && leadAddsTerms() ? matches(snippet, Schema.LEAD) : spans;
  }

  /**
   * Whether the query holds a term for the lead that it does not hold for the body. The two fields
   * are analysed alike, so when it does not, the lead finds nothing in a text where the body did not.
   */
  private boolean leadAddsTerms() {
    return automata.containsKey(Schema.LEAD) || !terms.getOrDefault(Schema.BODY, Set.of()).containsAll(terms.getOrDefault(Schema.LEAD, Set.of()));
  }

  private int[] bestSentence(String text, List<Span> matches) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    int bestStart = 0;
    int bestEnd = it.following(0) == BreakIterator.DONE ? text.length() : it.current();
    double bestScore = 0;
    int lastEnd = 0;
    for (Span s : matches) {
      lastEnd = Math.max(lastEnd, s.end());
    }
    // A sentence that starts after the last match holds none: it cannot beat the first sentence.
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE && start < lastEnd; start = end, end = it.next()) {
      Set<String> distinct = new HashSet<>();
      int count = 0;
      for (Span s : matches) {
        if (s.start() >= start && s.end() <= end) {
          distinct.add(text.substring(s.start(), s.end()).toLowerCase(Locale.ROOT));
          count++;
        }
      }
      double score = distinct.size() * 10 + count;
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
        bestEnd = end;
      }
    }
    while (bestEnd > bestStart && Character.isWhitespace(text.charAt(bestEnd - 1))) {
      bestEnd--;
    }
    return new int[] {bestStart, bestEnd};
  }

  /**
   * Matched spans of a text, for the query's terms on one of the article's fields: the field's own
   * analysis gives each word's stem and its form as written, so that words and phrases both show.
   */
  private List<Span> matches(String text, String field, String... more) {
    List<int[]> raw = new ArrayList<>();
    if (more.length == 0 && byWord(field)) {
      collectByWord(text, field, raw);
    } else {
      collect(text, field, raw, field);
      for (String other : more) {
        collect(text, other, raw, other); // an article in another language: its headline field, then its text field
      }
      collect(text, field, raw, Schema.ENTITY_TEXT); // entity words match wherever they are written
    }
    return merged(text, raw);
  }

  /** The matches in an English field found word by word, as searches find them (for tests). */
  List<Span> matchesByWord(String text, String field) {
    List<int[]> raw = new ArrayList<>();
    collectByWord(text, field, raw);
    return merged(text, raw);
  }

  /** The matches in an English field found by running the chains over the whole text: what {@link #matchesByWord} must equal. */
  List<Span> matchesOverWholeText(String text, String field) {
    List<int[]> raw = new ArrayList<>();
    collect(text, field, raw, field);
    collect(text, field, raw, Schema.ENTITY_TEXT);
    return merged(text, raw);
  }

  /** Matched tokens as spans: in order, those separated only by spaces or punctuation merged into one. */
  private static List<Span> merged(String text, List<int[]> raw) {
    raw.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<Span> merged = new ArrayList<>();
    int curStart = -1;
    int curEnd = -1;
    for (int[] r : raw) {
      if (curStart < 0) {
        curStart = r[0];
        curEnd = r[1];
      } else if (r[0] <= curEnd || onlySeparators(text, curEnd, r[0])) {
        curEnd = Math.max(curEnd, r[1]);
      } else {
        merged.add(new Span(curStart, curEnd));
        curStart = r[0];
        curEnd = r[1];
      }
    }
    if (curStart >= 0) {
      merged.add(new Span(curStart, curEnd));
    }
    return merged;
  }

  /** Whether a field and the entity words are analysed by English chains, which work word by word. */
  private static boolean byWord(String field) {
    return LanguageFields.analyzer(field) == null && LanguageFields.analyzer(Schema.ENTITY_TEXT) == null;
  }

  /**
   * As {@link #collect} for {@code field}'s terms and then the entity words', in one pass: the text
   * is cut into words by the chains' own tokenizer, and each distinct word goes through the chains
   * once per search. Every token a chain makes of a word carries that word's offsets, so the spans
   * are those a run of the chains over the whole text gives.
   */
  private void collectByWord(String text, String field, List<int[]> out) {
    if (!wants(field) && !wants(Schema.ENTITY_TEXT)) {
      return;
    }
    CharArrayMap<Boolean> known = wordMatches.computeIfAbsent(field, f -> new CharArrayMap<>(256, false));
    boolean[] firsts = firstLetters.computeIfAbsent(field, this::firstLetters).orElse(null);
    if (words == null) {
      words = new StandardTokenizer(); // the chains' tokenizer, with its default longest token
      word = words.addAttribute(CharTermAttribute.class);
      wordOffset = words.addAttribute(OffsetAttribute.class);
    }
    try {
      words.setReader(new StringReader(text));
      words.reset();
      while (words.incrementToken()) {
        char first = word.buffer()[0];
        if (firsts != null && first < 128 && !firsts[Character.toLowerCase(first)]) {
          continue; // no term the query holds starts with this word's letter
        }
        Boolean hit = known.get(word.buffer(), 0, word.length());
        if (hit == null) {
          String w = word.toString();
          hit = matchesWord(w, field, field) || matchesWord(w, field, Schema.ENTITY_TEXT);
          known.put(w, hit);
        }
        if (hit) {
          out.add(new int[] {wordOffset.startOffset(), wordOffset.endOffset()});
        }
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        words.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The first letters (ASCII) of the terms the query holds for a field and for the entity words, or
   * empty when a word's first letter does not tell. A word that starts with an ASCII character makes
   * terms that start with it lower-cased (the filters before the stemmer only change its end, and
   * these stemmers only rewrite endings), so a word whose letter no term starts with is skipped
   * without running the chains. Patterns (prefixes, wildcards) and KStem, whose dictionary may
   * rewrite a whole word, need every word.
   */
  private Optional<boolean[]> firstLetters(String field) {
    if (automata.containsKey(field) || automata.containsKey(Schema.ENTITY_TEXT) || schema.stemmer() == NewsAnalyzers.Stemmer.KSTEM) {
      return Optional.empty();
    }
    boolean[] firsts = new boolean[128];
    for (String f : List.of(field, Schema.ENTITY_TEXT)) {
      for (String t : terms.getOrDefault(f, Set.of())) {
        String plain = AsWrittenFilter.isMarked(t) ? t.substring(1) : t;
        if (!plain.isEmpty() && plain.charAt(0) < 128) {
          firsts[plain.charAt(0)] = true;
        }
      }
    }
    return Optional.of(firsts);
  }

  private boolean wants(String termField) {
    return terms.containsKey(termField) || automata.containsKey(termField);
  }

  /** Whether {@code termField}'s chain makes of one word (analysed as {@code analysisField}) a term the query holds. */
  private boolean matchesWord(String w, String analysisField, String termField) {
    if (!wants(termField)) {
      return false;
    }
    Set<String> wanted = terms.getOrDefault(termField, Set.of());
    List<ByteRunAutomaton> patterns = automata.getOrDefault(termField, List.of());
    for (Tokens.Token t : Tokens.positioned(schema.analyzer(termField), analysisField, w)) {
      if (wanted.contains(t.term()) || matchesAny(patterns, t.term())) {
        return true;
      }
    }
    return false;
  }

  /** Adds the spans of tokens (analysed as {@code analysisField}) that the query holds for {@code termField}. */
  private void collect(String text, String analysisField, List<int[]> out, String termField) {
    Set<String> wanted = terms.getOrDefault(termField, Set.of());
    List<ByteRunAutomaton> patterns = automata.getOrDefault(termField, List.of());
    if (wanted.isEmpty() && patterns.isEmpty()) {
      return;
    }
    for (Tokens.Token t : Tokens.positioned(schema.analyzer(termField), analysisField, text)) {
      if (wanted.contains(t.term()) || matchesAny(patterns, t.term())) {
        out.add(new int[] {t.start(), t.end()});
      }
    }
  }

  private static boolean matchesAny(List<ByteRunAutomaton> patterns, String term) {
    if (patterns.isEmpty()) {
      return false;
    }
    BytesRef b = new BytesRef(term);
    for (ByteRunAutomaton a : patterns) {
      if (a.run(b.bytes, b.offset, b.length)) {
        return true;
      }
    }
    return false;
  }

  /** Whether only white space and punctuation (at most a few chars) separate two matches. */
  private static boolean onlySeparators(String text, int from, int to) {
    if (to - from > 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static int wordStart(String text, int at) {
    int i = Math.max(0, at);
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int at) {
    int i = Math.min(text.length(), at);
    while (i < text.length() && i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i == 0 ? Math.min(text.length(), at) : i;
  }
}
