package dev.lede.bench.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.bench.index.NewsCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The articles of the news gold set, read at run time from the public corpora (whose text is never
 * committed): {@value #PER_CORPUS_BBC} BBC, {@value #PER_CORPUS_REUTERS} Reuters-21578, {@value
 * #PER_CORPUS_SHORT} HuffPost and {@value #PER_CORPUS_SHORT} AG News articles, each corpus's
 * documents shuffled with {@code new Random(SEED)} and the first ones taken. Ids name the corpus and
 * the document: {@code bbc:business/001} (the record id), {@code reuters:1234} (NEWID), {@code
 * huffpost:56} and {@code agnews:78} (1-based line of the file).
 *
 * <p>What an article is: BBC headline and body; Reuters title and body, the body opening with its
 * dateline ({@code "SALVADOR, Feb 26 - "}) as the wire printed it, only stories with a body; HuffPost
 * headline and short description (as lead); AG News title and description (as lead), without the
 * agency credit a reader takes for the source: a trailing {@code (Reuters)} or {@code (AP)} in the
 * title, the same name opening the description ({@code "AP - "}), and a credit inside the
 * description's dateline ({@code "NEW YORK (Reuters) - "} keeps {@code "NEW YORK - "}).
 *
 * <pre>
 * java -cp ... dev.lede.bench.entities.NewsGoldSet [--corpora ../shared/corpora]   # prints the texts
 * </pre>
 */
public final class NewsGoldSet {
  private NewsGoldSet() {}

  static final long SEED = 16;
  static final int PER_CORPUS_BBC = 10;
  static final int PER_CORPUS_REUTERS = 12;
  static final int PER_CORPUS_SHORT = 19;

  private static final Pattern AGENCY = Pattern.compile("\\s*\\(([A-Za-z][A-Za-z .&-]{0,30})\\)\\s*$");
  /** A credit inside a dateline: {@code "PARIS (Reuters) - "} keeps {@code "PARIS - "}. */
  private static final Pattern DATELINE_CREDIT = Pattern.compile("^([A-Z][A-Z .,'-]*[A-Z.](?:, [A-Z][A-Za-z .]{1,30})?)\\s+\\([A-Z][A-Za-z .&-]{0,30}\\)(?=\\s+-)");

  /** The selected articles, in the order: BBC, Reuters, HuffPost, AG News. */
  public static List<Article> select(Path corpora) {
    List<Article> out = new ArrayList<>();
    out.addAll(firstOfShuffle(bbc(corpora), PER_CORPUS_BBC));
    out.addAll(firstOfShuffle(reuters(corpora), PER_CORPUS_REUTERS));
    out.addAll(firstOfShuffle(huffpost(corpora), PER_CORPUS_SHORT));
    out.addAll(firstOfShuffle(agNews(corpora), PER_CORPUS_SHORT));
    return out;
  }

  /** Every article of the four corpora by gold-set id, for labels that name articles outside the selection. */
  static Map<String, Article> byId(Path corpora) {
    Map<String, Article> out = new LinkedHashMap<>();
    for (List<Article> corpus : List.of(bbc(corpora), reuters(corpora), huffpost(corpora), agNews(corpora))) {
      for (Article a : corpus) {
        out.put(a.id(), a);
      }
    }
    return out;
  }

  static boolean isCorporaRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("bbc/bbc.jsonl.gz")) && Files.isDirectory(dir.resolve("reuters21578"));
  }

  private static List<Article> firstOfShuffle(List<Article> all, int n) {
    List<Article> copy = new ArrayList<>(all);
    Collections.shuffle(copy, new Random(SEED));
    return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
  }

  private static List<Article> bbc(Path corpora) {
    ObjectMapper json = new ObjectMapper();
    List<Article> out = new ArrayList<>();
    for (String line : lines(corpora.resolve("bbc/bbc.jsonl.gz"))) {
      try {
        JsonNode r = json.readTree(line);
        out.add(Article.builder().id("bbc:" + r.path("id").asText()).headline(r.path("headline").asText("")).body(r.path("body").asText("")).build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<Article> huffpost(Path corpora) {
    ObjectMapper json = new ObjectMapper();
    List<Article> out = new ArrayList<>();
    int n = 0;
    for (String line : lines(corpora.resolve("huffpost_news_category_v3_head/News_Category_Dataset_v3.head9999.jsonl.gz"))) {
      n++;
      try {
        JsonNode r = json.readTree(line);
        out.add(Article.builder().id("huffpost:" + n).headline(r.path("headline").asText("")).lead(r.path("short_description").asText("")).build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<Article> agNews(Path corpora) {
    List<Article> out = new ArrayList<>();
    int n = 0;
    for (String line : lines(corpora.resolve("ag_news_test/test.csv.gz"))) {
      n++;
      List<String> cols = NewsCorpus.csv(line);
      String title = NewsCorpus.unmangle(cols.get(1));
      String lead = NewsCorpus.unmangle(cols.get(2)).strip();
      Matcher m = AGENCY.matcher(title);
      if (m.find()) {
        String agency = m.group(1).strip();
        title = title.substring(0, m.start()).strip();
        if (lead.regionMatches(true, 0, agency + " - ", 0, agency.length() + 3)) {
          lead = lead.substring(agency.length() + 3).strip();
        }
      }
      Matcher credit = DATELINE_CREDIT.matcher(lead);
      if (credit.find()) {
        lead = lead.substring(0, credit.start()) + credit.group(1) + lead.substring(credit.end());
      }
      out.add(Article.builder().id("agnews:" + n).headline(title).lead(lead).build());
    }
    return out;
  }

  private static List<Article> reuters(Path corpora) {
    Path dir = corpora.resolve("reuters21578");
    List<Article> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm(\\.gz)?")).sorted().toList()) {
        for (ReutersCoverage.Story s : ReutersCoverage.parse(f)) {
          if (!s.body().isBlank()) {
            String dateline = s.dateline().strip();
            out.add(Article.builder().id("reuters:" + s.id()).headline(s.title()).body(dateline.isEmpty() ? s.body() : dateline + " " + s.body()).build());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> lines(Path gz) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().filter(s -> !s.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the selected articles' text, for labelling; never any extractor output. */
  public static void main(String[] args) {
    Path corpora = Path.of("../shared/corpora");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpora" -> corpora = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (Article a : select(corpora)) {
      System.out.printf(Locale.ROOT, "=== %s%nH: %s%nL: %s%nB: %s%n%n", a.id(), a.headline(), a.lead() == null ? "" : a.lead(), a.body());
    }
  }
}
