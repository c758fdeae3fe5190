package dev.lede.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lede.article.Article;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps everything it is told, plus the report, for assertions. */
final class Collected implements ReadListener {
  final List<Article> articles = new ArrayList<>();
  final List<Origin> origins = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  ReadReport report;

  @Override
  public void article(Article article, Origin origin) {
    articles.add(article);
    origins.add(origin);
  }

  @Override
  public void rejected(Rejection rejection) {
    rejections.add(rejection);
  }

  @Override
  public void skipped(Path file, String why) {
    skipped.add(file.getFileName() + ": " + why);
  }

  static Path fixture(String relative) {
    try {
      return Path.of(Collected.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + relative, e);
    }
  }

  static Collected read(InputFormat format, Path... paths) {
    Collected c = new Collected();
    c.report = ArticleInputs.read(List.of(paths), format, c);
    c.checkReport();
    return c;
  }

  static Collected read(Path... paths) {
    return read(InputFormat.AUTO, paths);
  }

  static Collected readFixture(String relative) {
    return read(fixture(relative));
  }

  static Collected read(ReadLimits limits, Path... paths) {
    Collected c = new Collected();
    c.report = ArticleInputs.read(List.of(paths), InputFormat.AUTO, limits, c);
    c.checkReport();
    return c;
  }

  static Collected read(InputStream in, String name, InputFormat format) {
    Collected c = new Collected();
    c.report = ArticleInputs.read(in, name, format, c);
    c.checkReport();
    return c;
  }

  /** The report counts what the listener was told, every time. */
  private void checkReport() {
    assertEquals(articles.size(), report.articles(), "articles in report");
    assertEquals(rejections.size(), report.rejected(), "rejections in report");
    assertEquals(skipped.size(), report.skipped().size(), "skipped in report");
    assertEquals(report.articles(), report.articlesByFormat().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(report.articles(), report.articlesBySource().values().stream().mapToLong(Long::longValue).sum());
    for (Rejection r : rejections) {
      assertTrue(!r.reason().isBlank(), "a rejection says why: " + r);
    }
  }

  /** The one rejection, failing with all of them otherwise. */
  Rejection onlyRejection() {
    assertEquals(1, rejections.size(), () -> "rejections: " + rejections);
    return rejections.get(0);
  }

  Article onlyArticle() {
    assertEquals(1, articles.size(), () -> "articles: " + articles + ", rejections: " + rejections);
    return articles.get(0);
  }

  List<String> ids() {
    return articles.stream().map(Article::id).toList();
  }
}
