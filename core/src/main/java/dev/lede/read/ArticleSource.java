package dev.lede.read;

import dev.lede.article.Article;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something an ingest reads articles from: files, a stream, a list, or several of these in turn.
 * Reading pushes every article, rejection and skipped file to the listener in input order, and
 * returns the counts.
 */
@FunctionalInterface
public interface ArticleSource {

  /** Reads everything, handing each record to the listener; the listener's exceptions stop the read. */
  ReadReport read(ReadListener listener);

  /** Files and directories (walked recursively), in any supported format. */
  static ArticleSource files(List<Path> paths, InputFormat format) {
    List<Path> copy = List.copyOf(paths);
    Objects.requireNonNull(format, "format");
    return listener -> ArticleInputs.read(copy, format, listener);
  }

  /** One stream, read to its end and not closed; {@code name} is what rejections call it. */
  static ArticleSource stream(InputStream in, String name, InputFormat format) {
    Objects.requireNonNull(in, "in");
    return listener -> ArticleInputs.read(in, name, format, listener);
  }

  /** Articles already in memory, for embedding and tests. */
  static ArticleSource of(List<Article> articles) {
    List<Article> copy = List.copyOf(articles);
    return listener -> {
      Map<String, Long> bySource = new HashMap<>();
      long n = 0;
      for (Article a : copy) {
        n++;
        listener.article(a, new Origin("(memory)", n, InputFormat.JSON));
        bySource.merge(a.source() == null ? ReadReport.NO_SOURCE : a.source(), 1L, Long::sum);
      }
      return new ReadReport(0, n, 0, Map.of(InputFormat.JSON, n), bySource, List.of(), 0);
    };
  }

  /** These sources one after the other, with their counts added up. */
  static ArticleSource concat(List<ArticleSource> sources) {
    List<ArticleSource> copy = List.copyOf(sources);
    return listener -> {
      long files = 0;
      long articles = 0;
      long rejected = 0;
      long bytes = 0;
      Map<InputFormat, Long> byFormat = new HashMap<>();
      Map<String, Long> bySource = new HashMap<>();
      List<Skipped> skipped = new ArrayList<>();
      for (ArticleSource s : copy) {
        ReadReport r = s.read(listener);
        files += r.files();
        articles += r.articles();
        rejected += r.rejected();
        bytes += r.bytes();
        r.articlesByFormat().forEach((k, v) -> byFormat.merge(k, v, Long::sum));
        r.articlesBySource().forEach((k, v) -> bySource.merge(k, v, Long::sum));
        skipped.addAll(r.skipped());
      }
      return new ReadReport(files, articles, rejected, byFormat, bySource, skipped, bytes);
    };
  }
}
