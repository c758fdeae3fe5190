package dev.lede.bench.languages;

import dev.lede.NewsIndex;
import dev.lede.article.Article;
import dev.lede.read.ArticleInputs;
import dev.lede.search.NewsQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query time with and without a language (docs/languages.md): the same two-word headline queries
 * on an index of English news alone, and on the same index with articles in six other languages
 * added, searched over every language, with {@code --language en}, and with {@code --language de}.
 *
 * <pre>
 * java -cp ... dev.lede.bench.languages.LanguageQueryBench /work/shared/corpora/bbc/bbc.jsonl.gz \
 *   core/src/test/resources/languages/labelled-news.tsv
 * </pre>
 *
 * In process, one thread, configurations alternated round by round; the median of each round's
 * p50 is printed.
 */
public final class LanguageQueryBench {
  public static void main(String[] args) throws IOException {
    List<Article> english = ArticleInputs.readAll(Path.of(args[0]));
    List<Article> others = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (line.startsWith("#") || f.length < 3 || f[0].equals("en")) {
        continue;
      }
      // no language given: detected at ingest, as an input without one would be
      others.add(Article.builder().id("other-" + n++).headline(f[1].equals("headline") ? f[2] : "").body(f[1].equals("headline") ? "" : f[2])
          .source("example.org").build());
    }
    List<String> queries = queries(english);
    try (NewsIndex plain = NewsIndex.inMemory(); NewsIndex mixed = NewsIndex.inMemory()) {
      plain.upsertAll(english);
      plain.commit();
      mixed.upsertAll(english);
      mixed.upsertAll(others);
      mixed.commit();
      System.out.printf(Locale.ROOT, "%d English articles; + %d in six other languages; %d queries%n", english.size(), others.size(),
          queries.size());
      String[] names = {"English only, no --language", "mixed, no --language", "mixed, --language en", "mixed, --language de"};
      double[][] p50 = new double[names.length][];
      int rounds = 7;
      for (int i = 0; i < names.length; i++) {
        p50[i] = new double[rounds];
      }
      for (int round = -2; round < rounds; round++) { // two rounds of warm-up
        for (int i = 0; i < names.length; i++) {
          NewsIndex index = i == 0 ? plain : mixed;
          String language = i == 2 ? "en" : i == 3 ? "de" : null;
          double[] ms = new double[queries.size()];
          for (int k = 0; k < queries.size(); k++) {
            NewsQuery.Builder b = NewsQuery.builder(queries.get(k));
            if (language != null) {
              b.language(language);
            }
            NewsQuery q = b.build();
            long t = System.nanoTime();
            index.search(q);
            ms[k] = (System.nanoTime() - t) / 1e6;
          }
          if (round >= 0) {
            Arrays.sort(ms);
            p50[i][round] = ms[ms.length / 2];
          }
        }
      }
      for (int i = 0; i < names.length; i++) {
        Arrays.sort(p50[i]);
        System.out.printf(Locale.ROOT, "%-30s p50 %.2f ms (median of %d rounds; range %.2f-%.2f)%n", names[i], p50[i][rounds / 2], rounds,
            p50[i][0], p50[i][rounds - 1]);
      }
    }
  }

  /** The two longest words of every 7th headline, as bench/scripts/headline-queries.py makes them. */
  private static List<String> queries(List<Article> articles) {
    Pattern word = Pattern.compile("[A-Za-z]+");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < articles.size() && out.size() < 300; i += 7) {
      List<String> words = new ArrayList<>();
      Matcher m = word.matcher(articles.get(i).headline());
      while (m.find()) {
        if (m.group().length() > 3) {
          words.add(m.group().toLowerCase(Locale.ROOT));
        }
      }
      if (words.size() >= 2) {
        words.sort((a, b) -> b.length() - a.length());
        out.add(words.get(0) + " " + words.get(1));
      }
    }
    return out;
  }
}
