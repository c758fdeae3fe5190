package dev.lede.bench.index;

import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import dev.lede.read.InputFormat;
import dev.lede.read.Origin;
import dev.lede.read.ReadListener;
import dev.lede.read.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's articles: BBC, the HuffPost head and the AG News test split from
 * {@code ../shared/corpora}, about 19,800 articles held in memory, and a replicated set made of
 * copies of them, produced on demand so that 200,000 articles never sit in the heap at once.
 *
 * <p>What the corpora lack is filled in, seeded, so that every run sees the same articles: BBC and
 * AG News carry no dates, so each article gets one drawn across 2004-2005 (the years both cover);
 * BBC articles get the source {@code bbc.co.uk}; an AG News title that ends with its agency in
 * brackets ({@code (Reuters)}, {@code (AP)}) gets that agency as its source. Copy {@code k} of an
 * article has the id {@code <id>#<k>} and its date moved {@code k * 61} days earlier: the gap is more
 * than the story step's 30 days, so copies stay separate stories, as distinct articles would.
 */
public final class NewsCorpus {
  /** How far apart two copies of one article are dated. */
  static final Duration COPY_SHIFT = Duration.ofDays(61);

  private static final Pattern AGENCY = Pattern.compile("\\(([A-Za-z][A-Za-z .&-]{0,30})\\)\\s*$");
  private static final Pattern MANGLED_ENTITY = Pattern.compile(" ?#(\\d{1,5});");
  private static final Instant BBC_FROM = Instant.parse("2004-01-01T00:00:00Z");
  private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();

  private final List<Article> base;
  private final long textBytes;

  private NewsCorpus(List<Article> base) {
    this.base = List.copyOf(base);
    long bytes = 0;
    for (Article a : base) {
      bytes += textBytes(a);
    }
    this.textBytes = bytes;
  }

  /** Reads the three corpora; null when one of them is missing. */
  static NewsCorpus load(Path corpora) {
    Path bbc = corpora.resolve("bbc/bbc.jsonl.gz");
    Path huffpost = corpora.resolve("huffpost_news_category_v3_head");
    Path ag = corpora.resolve("ag_news_test/test.csv.gz");
    if (!Files.isRegularFile(bbc) || !Files.isDirectory(huffpost) || !Files.isRegularFile(ag)) {
      return null;
    }
    Random random = new Random(20041);
    List<Article> out = new ArrayList<>();
    for (Article a : readAll(bbc)) {
      out.add(a.toBuilder().source("bbc.co.uk").published(randomDate(random)).build());
    }
    try (Stream<Path> files = Files.list(huffpost)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        out.addAll(readAll(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.addAll(readAgNews(ag, random));
    return new NewsCorpus(out);
  }

  private static List<Article> readAll(Path file) {
    List<Article> out = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    ArticleInputs.read(List.of(file), InputFormat.AUTO, new ReadListener() {
      @Override
      public void article(Article article, Origin origin) {
        out.add(article);
      }

      @Override
      public void rejected(Rejection rejection) {
        rejected.add(rejection);
      }
    });
    if (!rejected.isEmpty()) {
      throw new IllegalStateException(file + ": " + rejected.size() + " records rejected, first: " + rejected.get(0));
    }
    return out;
  }

  /** AG News: CSV of class, title, description; every field quoted, {@code ""} inside. */
  private static List<Article> readAgNews(Path file, Random random) {
    List<Article> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      int line = 0;
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        line++;
        List<String> cols = csv(s);
        if (cols.size() != 3) {
          throw new IllegalStateException(file + " line " + line + ": expected 3 columns, found " + cols.size());
        }
        String title = unmangle(cols.get(1));
        Matcher agency = AGENCY.matcher(title);
        String source = agency.find() ? agency.group(1).strip().toLowerCase(Locale.ROOT) : null;
        out.add(Article.builder()
            .id("ag-" + line)
            .headline(title)
            .lead(unmangle(cols.get(2)))
            .source(source)
            .published(randomDate(random))
            .attribute("class", cols.get(0))
            .build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** AG News: CSV of class, title, description; every field quoted, {@code ""} inside. */
  public static List<String> csv(String line) {
    List<String> cols = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cols.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cols.add(cur.toString());
    return cols;
  }

  /** AG News's escapes: a backslash for a line break, {@code " #36;"} for {@code $}. */
  public static String unmangle(String s) {
    String t = s.replace('\\', '\n');
    Matcher m = MANGLED_ENTITY.matcher(t);
    StringBuilder out = new StringBuilder(t.length());
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Instant randomDate(Random random) {
    return BBC_FROM.plusSeconds((long) (random.nextDouble() * TWO_YEARS_SECONDS));
  }

  /** The articles as read (copy 0). */
  List<Article> base() {
    return base;
  }

  int baseSize() {
    return base.size();
  }

  /** UTF-8 bytes of headline, lead and body over the base articles: the unit of MB/s. */
  long baseTextBytes() {
    return textBytes;
  }

  /** UTF-8 bytes of the text of {@code count} articles of the replicated sequence. */
  long textBytes(int count) {
    long full = (long) (count / base.size()) * textBytes;
    for (int i = 0; i < count % base.size(); i++) {
      full += textBytes(base.get(i));
    }
    return full;
  }

  /**
   * Article {@code i} of the replicated sequence: the base articles in order, then their first
   * copies, and so on. Copy 0 is the article itself.
   */
  Article article(int i) {
    Article a = base.get(i % base.size());
    int copy = i / base.size();
    if (copy == 0) {
      return a;
    }
    return a.toBuilder()
        .id(a.id() + "#" + copy)
        .published(a.published() == null ? null : a.published().minus(COPY_SHIFT.multipliedBy(copy)))
        .build();
  }

  static long textBytes(Article a) {
    return utf8Length(a.headline()) + utf8Length(a.lead()) + utf8Length(a.body());
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
