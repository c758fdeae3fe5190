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
 * Per-source counts of body lines, learned one article at a time, and the rule that turns them
 * into boilerplate: a line in at least {@link BoilerplateOptions#minShare} of a source's articles
 * and in at least {@link BoilerplateOptions#minCount} of them.
 *
 * <p>A "line" is a non-blank line of the body, compared after normalisation (case, quotes,
 * punctuation and spacing ignored), so a template's footer matches however the reader spaced it.
 * Articles without a source are neither learned from nor stripped: there is no site to attribute
 * a template to.
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
   * A body split into lines with each line's key computed: the costly part of learning and
   * stripping (normalising every line), done once and outside the model's lock.
   */
  public static final class Lines {
    private final String[] lines;
    private final long[] keys; // 0 for a line that is blank or has no words
    private final Map<Long, String> distinct;

    private Lines(String body) {
      this.lines = body.isEmpty() ? new String[0] : body.split("\n", -1);
      this.keys = new long[lines.length];
      this.distinct = new LinkedHashMap<>();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || StoryText.words(line).isEmpty()) {
          continue;
        }
        keys[i] = key(line);
        distinct.putIfAbsent(keys[i], line.strip());
      }
    }
  }

  /** The lines of a body, ready for {@link #learn(String, Lines)} and {@link #strip(String, Lines)}. */
  public static Lines lines(String body) {
    return new Lines(body == null ? "" : body);
  }

  /** Counts the article's distinct lines for its source. */
  public void learn(Article article) {
    learn(article.source(), lines(article.body()));
  }

  /** Counts a body's distinct lines for its source. */
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
        // the text is kept from the second sighting on: most lines are seen once, and need only a count
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
    for (Long key : distinctLines(article.body()).keySet()) {
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
   * The body without its source's boilerplate lines; the other lines keep their text and order
   * (blank lines between paragraphs included). The body itself when nothing is boilerplate.
   */
  public String strip(String source, String body) {
    return body.isEmpty() ? body : strip(source, body, lines(body));
  }

  /** {@link #strip(String, String)} with the body's lines already keyed. */
  public synchronized String strip(String source, String body, Lines lines) {
    SourceCounts counts = source == null ? null : sources.get(source);
    if (counts == null || body.isEmpty()) {
      return body;
    }
    StringBuilder out = null;
    for (int i = 0; i < lines.lines.length; i++) {
      Counted c = lines.keys[i] == 0 ? null : counts.lines.get(lines.keys[i]);
      if (c != null && isBoilerplate(c.count, counts.articles)) {
        if (out == null) {
          out = new StringBuilder(body.length());
          for (int j = 0; j < i; j++) {
            out.append(lines.lines[j]).append('\n');
          }
        }
        continue;
      }
      if (out != null) {
        out.append(lines.lines[i]).append('\n');
      }
    }
    return out == null ? body : out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  /** What has been learned: per source (sorted), its boilerplate lines, most frequent first. */
  public synchronized Map<String, List<LearnedLine>> learned() {
    Map<String, List<LearnedLine>> out = new TreeMap<>();
    sources.forEach((source, counts) -> {
      List<LearnedLine> lines = new ArrayList<>();
      for (Counted c : counts.lines.values()) {
        if (c.text != null && isBoilerplate(c.count, counts.articles)) {
          lines.add(new LearnedLine(source, c.text, c.count, counts.articles));
        }
      }
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

  /** Non-blank lines by their key, first spelling kept; a line twice in one article counts once. */
  private static Map<Long, String> distinctLines(String body) {
    Map<Long, String> out = new LinkedHashMap<>();
    Set<Long> seen = new HashSet<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || StoryText.words(line).isEmpty()) {
        continue;
      }
      Long key = key(line);
      if (seen.add(key)) {
        out.put(key, line.strip());
      }
    }
    return out;
  }

  /** 64 bits of hash over the normalised line: a collision would need 2^32 lines of one source. */
  static long key(String line) {
    String n = StoryText.normalize(line);
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < n.length(); i++) {
      h ^= n.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
