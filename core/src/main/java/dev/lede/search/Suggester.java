package dev.lede.search;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.index.Schema;
import dev.lede.index.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * Completions of what a user has typed so far, from the index itself: nothing is built beside it,
 * so whatever is indexed is suggested at the next refresh.
 *
 * <p>Two kinds, entities first:
 * <ul>
 *   <li><b>entities</b> whose canonical name or an alias starts with the text (case ignored), most
 *       named first (the number of articles naming them, the entity key's document frequency); when
 *       fewer than asked are found and the text has at least {@value #FUZZY_FROM} letters, names one
 *       edit away after the first two letters follow ("kestirx" finds Kestrix);
 *   <li><b>headlines</b> that hold every word typed, the last as a prefix, newest first, each
 *       headline once.
 * </ul>
 *
 * <p>The cost is a walk of the entity keys with the prefix (seek, then next) and one query on the
 * unstemmed headline field, sorted by date.
 */
public final class Suggester {
  /** Below this many letters no typo is allowed for: a short prefix matches too much already. */
  public static final int FUZZY_FROM = 4;
  /** A single word typed shorter than this suggests no headlines yet. */
  public static final int MIN_HEADLINE_PREFIX = 3;
  /** Entity keys read at most per segment: a one-letter prefix must not walk the whole dictionary. */
  private static final int MAX_KEYS = 5_000;

  private final Schema schema;

  public Suggester(Schema schema) {
    this.schema = schema;
  }

  /** Completions of {@code text}, at most {@code limit}, entities first. */
  public List<Suggestion> suggest(IndexSearcher searcher, String text, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("illegal limit: " + limit + ", must be at least 1");
    }
    String typed = text == null ? "" : text.strip();
    if (typed.isEmpty()) {
      return List.of();
    }
    try {
      List<Suggestion> out = new ArrayList<>(entities(searcher, typed, limit));
      if (out.size() < limit) {
        out.addAll(headlines(searcher, typed, limit - out.size()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Suggestion> entities(IndexSearcher searcher, String typed, int limit) throws IOException {
    String prefix = Schema.entityKey(typed);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Long> near = new LinkedHashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(Schema.ENTITY_KEY);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      BytesRef start = new BytesRef(prefix);
      if (te.seekCeil(start) != TermsEnum.SeekStatus.END) {
        int seen = 0;
        for (BytesRef t = te.term(); t != null && seen < MAX_KEYS && startsWith(t, start); t = te.next(), seen++) {
          counts.merge(t.utf8ToString(), (long) te.docFreq(), Long::sum);
        }
      }
      if (prefix.length() >= FUZZY_FROM) {
        TermsEnum fuzzy = fuzzyPrefix(prefix).getTermsEnum(terms);
        int seen = 0;
        for (BytesRef t = fuzzy.next(); t != null && seen < MAX_KEYS; t = fuzzy.next(), seen++) {
          near.merge(t.utf8ToString(), (long) fuzzy.docFreq(), Long::sum);
        }
      }
    }
    List<Suggestion> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, Long> found : List.of(counts, near)) {
      List<Map.Entry<String, Long>> ranked = new ArrayList<>(found.entrySet());
      ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      for (Map.Entry<String, Long> e : ranked) {
        if (out.size() >= limit) {
          return out;
        }
        Entity entity = entityOf(searcher, e.getKey());
        if (entity != null && names.add(entity.name())) {
          out.add(Suggestion.entity(entity.name(), entity.type(), e.getValue(), found == near));
        }
      }
    }
    return out;
  }

  /** Keys one edit away from the prefix after its first two letters, then anything. */
  private static CompiledAutomaton fuzzyPrefix(String prefix) {
    Automaton edits = new LevenshteinAutomata(prefix.substring(2), true).toAutomaton(1, prefix.substring(0, 2));
    Automaton a = Operations.concatenate(List.of(edits, Automata.makeAnyString()));
    return new CompiledAutomaton(Operations.determinize(a, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
  }

  /** The entity an entity key (a canonical name or an alias, lower case) stands for, read from one article naming it. */
  private Entity entityOf(IndexSearcher searcher, String key) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      PostingsEnum docs = leaf.reader().postings(new Term(Schema.ENTITY_KEY, key), PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(d)) {
          continue;
        }
        // the canonical names and types are doc values: an article is decoded only for an alias
        SortedSetDocValues typed = DocValues.getSortedSet(leaf.reader(), Schema.ENTITY_TYPED);
        if (typed.advanceExact(d)) {
          for (int i = 0; i < typed.docValueCount(); i++) {
            String value = typed.lookupOrd(typed.nextOrd()).utf8ToString();
            int slash = value.indexOf('/');
            if (slash > 0 && Schema.entityKey(value.substring(slash + 1)).equals(key)) {
              return new Entity(value.substring(slash + 1), dev.lede.article.EntityType.parse(value.substring(0, slash)), List.of());
            }
          }
        }
        Article a = schema.toArticle(leaf.reader().storedFields(), d);
        for (Entity e : a.entities()) {
          if (Schema.entityKey(e.name()).equals(key) || e.aliases().stream().anyMatch(x -> Schema.entityKey(x).equals(key))) {
            return e;
          }
        }
        return null; // the key names an entity the stored article does not
      }
    }
    return null;
  }

  private List<Suggestion> headlines(IndexSearcher searcher, String typed, int limit) throws IOException {
    // The headline's words as written (marked, as the index holds them beside their stems).
    List<String> words = Tokens.tokens(schema.asWrittenAnalyzer(), Schema.HEADLINE, typed);
    if (words.isEmpty()) {
      return List.of();
    }
    boolean open = !Character.isWhitespace(typed.charAt(typed.length() - 1)); // the last word may go on
    if (open && words.size() == 1 && words.get(0).length() - 1 < MIN_HEADLINE_PREFIX) {
      return List.of(); // two letters start most headlines' words: entities only, until a third is typed
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean last = i == words.size() - 1;
      b.add(last && open ? new PrefixQuery(new Term(Schema.HEADLINE, w)) : new TermQuery(new Term(Schema.HEADLINE, w)),
          BooleanClause.Occur.FILTER);
    }
    TopFieldDocs top = searcher.search(b.build(), limit + 3, NewsSearcher.sortFor(SortOrder.NEWEST));
    List<Suggestion> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Article a = schema.toArticle(searcher.storedFields(), sd.doc);
      if (seen.add(a.headline().toLowerCase(Locale.ROOT))) {
        out.add(Suggestion.headline(a.headline(), a.id(), a.published()));
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    if (term.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
        return false;
      }
    }
    return true;
  }
}
