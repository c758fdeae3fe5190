package dev.lede.prepare.boilerplate;

import dev.lede.article.Article;
import dev.lede.prepare.story.StoryText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-source counts of the units at the edges of bodies, learned one article at a time, and the
 * rule that turns them into boilerplate: a unit in at least {@link BoilerplateOptions#minShare} of a
 * source's articles and in at least {@link BoilerplateOptions#minCount} of them.
 *
 * <p>A unit is a non-blank line of the body or a sentence of one, compared after normalisation
 * (case, quotes, punctuation and spacing ignored), so a template's footer matches however the
 * reader spaced it. Sentences count because scrapers run a sign-off ("Sign up for our newsletter")
 * into the last paragraph with no line break (issue 16). Only units near the start (the first
 * {@value #HEAD_SENTENCES} sentences) or the end (the last {@value #TAIL_SENTENCES}) are counted, and
 * stripping peels learned units off the two ends only: templates sit at the edges, while a
 * sentence repeated in the middle of a few articles is a running story's background, which is
 * content. Articles without a source are neither learned from nor stripped: there is no site to
 * attribute a template to.
 *
 * <p>Memory stays bounded: when a source tracks more than {@link
 * BoilerplateOptions#maxTrackedPerSource} lines, the lines seen only once are dropped (lossy
 * counting). A template line is seen again with every article, so it survives; a line dropped this
 * way can lose at most one count, far below a share threshold.
 *
 * <p>Thread-safe: the writer learns while searches read {@link #learned()}.
 */
public final class BoilerplateModel {
  private final BoilerplateOptions options;
  private final Map<String, SourceCounts> sources = new HashMap<>();

  static final class SourceCounts {
    int articles;
    final Map<Long, Counted> lines = new HashMap<>();
  }

  static final class Counted {
    String text;
    int count;

    Counted(String text, int count) {
      this.text = text;
      this.count = count;
    }
  }

  /** An empty model with these options. */
  public BoilerplateModel(BoilerplateOptions options) {
    this.options = options;
  }

  /** The options in use. */
  public BoilerplateOptions options() {
    return options;
  }

  /**
   * How far into a body a unit may start and still be a candidate: the first {@value} sentences.
   * Templates put little before the text (a kicker, a "this article is part of" line).
   */
  static final int HEAD_SENTENCES = 3;

  /**
   * How far from the end of a body a unit may be and still be a candidate: the last {@value}
   * sentences, enough for a sign-off run into the last paragraph and a footer of a few lines.
   * Anything further in is content, however often it repeats (issue 16: background a running
   * story repeats in three articles was learned and stripped).
   */
  static final int TAIL_SENTENCES = 5;

  /**
   * One non-blank line at an edge of a body: its key as a whole (0 when it is not a candidate
   * whole), and the keys and spans of the sentences of it that lie inside the edge's window, in
   * the order they are peeled (from the edge inwards).
   */
  private record Edge(int line, long key, long[] sentenceKeys, int[] starts, int[] ends, boolean allInWindow) {}

  /**
   * A body split into lines, with the units at its start and end keyed: the costly part of
   * learning and stripping (splitting sentences, normalising), done once and outside the model's
   * lock. Only the edges are keyed; the middle of a body is never learned from or stripped.
   */
  public static final class Lines {
    private final String[] lines;
    private final int[] offsets; // where each line starts in the body
    private final boolean[] words; // whether a line has words (a blank line or "* * *" has none)
    private final List<Edge> head = new ArrayList<>();
    private final List<Edge> tail = new ArrayList<>();
    private final Map<Long, String> distinct = new LinkedHashMap<>();

    private Lines(String body) {
      this.lines = body.isEmpty() ? new String[0] : body.split("\n", -1);
      this.offsets = new int[lines.length];
      this.words = new boolean[lines.length];
      List<Integer> nonBlank = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        offsets[i] = i == 0 ? 0 : offsets[i - 1] + lines[i - 1].length() + 1;
        if (!lines[i].isBlank() && StoryText.hasWords(lines[i])) {
          nonBlank.add(i);
          words[i] = true;
        }
      }
      int budget = HEAD_SENTENCES;
      for (int n = 0; n < nonBlank.size() && budget > 0; n++) {
        Edge e = edge(nonBlank.get(n), budget, true, n == 0);
        head.add(e);
        budget -= e.sentenceKeys().length;
        if (!e.allInWindow()) {
          break;
        }
      }
      budget = TAIL_SENTENCES;
      for (int n = nonBlank.size() - 1; n >= 0 && budget > 0; n--) {
        Edge e = edge(nonBlank.get(n), budget, false, n == nonBlank.size() - 1);
        tail.add(e);
        budget -= e.sentenceKeys().length;
        if (!e.allInWindow()) {
          break;
        }
      }
    }

    /**
     * The edge entry of a line: at most {@code budget} of its sentences, taken from the start
     * ({@code fromStart}) or the end. The line as a whole is a candidate when all its sentences fit
     * the window, or when it is the body's first or last line (a long disclaimer paragraph).
     */
    private Edge edge(int line, int budget, boolean fromStart, boolean outermost) {
      String text = lines[line];
      List<int[]> spans = Sentences.spans(text);
      int take = Math.min(budget, spans.size());
      long[] keys = new long[take];
      int[] starts = new int[take];
      int[] ends = new int[take];
      for (int k = 0; k < take; k++) {
        int[] span = spans.get(fromStart ? k : spans.size() - 1 - k);
        String sentence = text.substring(span[0], span[1]);
        starts[k] = span[0];
        ends[k] = span[1];
        if (StoryText.hasWords(sentence)) {
          keys[k] = key(sentence);
          distinct.putIfAbsent(keys[k], sentence.strip());
        }
      }
      boolean all = take == spans.size();
      long whole = 0;
      if (all || outermost) {
        whole = spans.size() == 1 && keys.length == 1 ? keys[0] : key(text);
        distinct.putIfAbsent(whole, text.strip());
      }
      return new Edge(line, whole, keys, starts, ends, all);
    }
  }

  /** The lines of a body, ready for {@link #learn(String, Lines)} and {@link #strip(String, Lines)}. */
  public static Lines lines(String body) {
    return new Lines(body == null ? "" : body);
  }

  /** Counts the article's candidate units (the lines and sentences at its edges) for its source. */
  public void learn(Article article) {
    learn(article.source(), lines(article.body()));
  }

  /** Counts a body's distinct candidate units for its source. */
  public synchronized void learn(String source, Lines body) {
    if (source == null) {
      return;
    }
    SourceCounts counts = sources.computeIfAbsent(source, s -> new SourceCounts());
    counts.articles++;
    for (Map.Entry<Long, String> line : body.distinct.entrySet()) {
      Counted c = counts.lines.computeIfAbsent(line.getKey(), k -> new Counted(null, 0));
      c.count++;
      if (c.text == null && c.count >= 2) {
        // the text is kept from the second sighting on: most units are seen once, and need only a count
        c.text = line.getValue();
      }
    }
    if (counts.lines.size() > options.maxTrackedPerSource()) {
      counts.lines.values().removeIf(c -> c.count <= 1);
    }
  }

  /** Takes back what {@link #learn} counted for an article that is replaced or deleted. */
  public synchronized void forget(Article article) {
    SourceCounts counts = article.source() == null ? null : sources.get(article.source());
    if (counts == null) {
      return;
    }
    counts.articles = Math.max(0, counts.articles - 1);
    for (Long key : lines(article.body()).distinct.keySet()) {
      Counted c = counts.lines.get(key);
      if (c != null && --c.count <= 0) {
        counts.lines.remove(key);
      }
    }
    if (counts.articles == 0) {
      sources.remove(article.source());
    }
  }

  /** Whether this line of this source's articles is boilerplate now. */
  public synchronized boolean isBoilerplate(String source, String line) {
    SourceCounts counts = source == null ? null : sources.get(source);
    if (counts == null) {
      return false;
    }
    Counted c = counts.lines.get(key(line));
    return c != null && isBoilerplate(c.count, counts.articles);
  }

  /**
   * The body without its source's boilerplate at its start and end: a piece of the body, as it
   * was, from the first unit that is not boilerplate to the last. The body itself when nothing is
   * boilerplate.
   */
  public String strip(String source, String body) {
    return body.isEmpty() ? body : strip(source, body, lines(body));
  }

  /**
   * {@link #strip(String, String)} with the body's lines already keyed. Boilerplate is peeled off
   * from each end inwards, a whole line or a sentence at a time, and peeling stops at the first unit
   * that is not boilerplate: a learned sentence quoted in the middle of a body stays.
   */
  public synchronized String strip(String source, String body, Lines lines) {
    SourceCounts counts = source == null ? null : sources.get(source);
    if (counts == null || body.isEmpty()) {
      return body;
    }
    int n = lines.lines.length;
    int[] from = null; // what is kept of each line: [from, to); null while nothing is cut
    int[] to = null;
    for (int side = 0; side < 2; side++) {
      boolean fromStart = side == 0;
      peel:
      for (Edge e : fromStart ? lines.head : lines.tail) {
        if (from == null) {
          from = new int[n];
          to = new int[n];
          for (int i = 0; i < n; i++) {
            to[i] = lines.lines[i].length();
          }
        }
        if (from[e.line()] >= to[e.line()]) {
          break; // already taken by the other end
        }
        if (e.key() != 0 && isBoilerplate(counts, e.key())) {
          to[e.line()] = from[e.line()];
          continue;
        }
        for (int k = 0; k < e.sentenceKeys().length; k++) {
          if (e.sentenceKeys()[k] == 0 || !isBoilerplate(counts, e.sentenceKeys()[k])) {
            break peel;
          }
          if (fromStart) {
            from[e.line()] = Math.max(from[e.line()], e.ends()[k]);
          } else {
            to[e.line()] = Math.min(to[e.line()], e.starts()[k]);
          }
        }
        String left = lines.lines[e.line()].substring(from[e.line()], Math.max(from[e.line()], to[e.line()]));
        if (!e.allInWindow() || StoryText.hasWords(left)) {
          break;
        }
        to[e.line()] = from[e.line()];
      }
    }
    if (from == null) {
      return body;
    }
    // what is left is one run of the body: from the first line with words still in it to the last
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (lines.words[i] && from[i] < to[i]) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return "";
    }
    int start = lines.offsets[first] + from[first];
    int end = lines.offsets[last] + to[last];
    if (start == 0 && end == body.length()) {
      return body;
    }
    // a literal piece of the body, so a reader of the stored body can tell what was left out
    return body.substring(start, end).strip();
  }

  private boolean isBoilerplate(SourceCounts counts, long key) {
    Counted c = counts.lines.get(key);
    return c != null && isBoilerplate(c.count, counts.articles);
  }

  /**
   * What has been learned: per source (sorted), its boilerplate lines and sentences, most frequent
   * first. A sentence is left out when a learned line holding it is in at least as many articles.
   */
  public synchronized Map<String, List<LearnedLine>> learned() {
    Map<String, List<LearnedLine>> out = new TreeMap<>();
    sources.forEach((source, counts) -> {
      List<LearnedLine> lines = new ArrayList<>();
      for (Counted c : counts.lines.values()) {
        if (c.text != null && isBoilerplate(c.count, counts.articles)) {
          lines.add(new LearnedLine(source, c.text, c.count, counts.articles));
        }
      }
      // a sentence learned only as part of a learned line adds nothing: the line says it
      lines.removeIf(u -> lines.stream().anyMatch(v -> v != u && v.count() >= u.count()
          && v.text().length() > u.text().length() && v.text().contains(u.text())));
      if (!lines.isEmpty()) {
        lines.sort(Comparator.comparingInt(LearnedLine::count).reversed().thenComparing(LearnedLine::text));
        out.put(source, List.copyOf(lines));
      }
    });
    return out;
  }

  /** How many articles of a source were learned from. */
  public synchronized int articles(String source) {
    SourceCounts counts = sources.get(source);
    return counts == null ? 0 : counts.articles;
  }

  /** Forgets everything learned. */
  public synchronized void reset() {
    sources.clear();
  }

  /** A copy of the counts, for writing out: source -> (articles, line key -> (text or null, count)). */
  synchronized Map<String, SourceCounts> snapshot() {
    Map<String, SourceCounts> copy = new TreeMap<>();
    sources.forEach((source, counts) -> {
      SourceCounts c = new SourceCounts();
      c.articles = counts.articles;
      counts.lines.forEach((k, v) -> c.lines.put(k, new Counted(v.text, v.count)));
      copy.put(source, c);
    });
    return copy;
  }

  /** Replaces the counts with read ones. */
  synchronized void restore(Map<String, SourceCounts> counts) {
    sources.clear();
    sources.putAll(counts);
  }

  private boolean isBoilerplate(int count, int articles) {
    return count >= options.minCount() && count >= options.minShare() * articles;
  }

  /** 64 bits of hash over the normalised line: a collision would need 2^32 lines of one source. */
  static long key(String line) {
    long h = StoryText.joinedHash(line); // FNV-1a over the normalised line, without making it
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
