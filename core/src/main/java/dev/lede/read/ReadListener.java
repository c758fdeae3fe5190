package dev.lede.read;

import dev.lede.article.Article;
import java.nio.file.Path;

/**
 * Receives what the readers produce, record by record, in input order. An exception thrown here
 * stops the read and reaches the caller unchanged.
 */
public interface ReadListener {
  /** An article was read. */
  void article(Article article, Origin origin);

  /** A record (or a whole file) could not be read; reading goes on. */
  void rejected(Rejection rejection);

  /** A file was not read on purpose: hidden, unknown extension, empty. */
  default void skipped(Path file, String why) {}
}
