package dev.lede.prepare;

/** One step of preparation: a pure, thread-safe function. */
@FunctionalInterface
public interface PrepareStep {
  PreparedArticle apply(PreparedArticle article);
}
