package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.article.Languages;
import java.util.Objects;

/**
 * The preparation step that gives every article a language code: the one it brought, written as
 * a code ({@code de-AT} and {@code German} are {@code de}), or the one detected from its start.
 * An article that brought a value naming no language, and one the detector is not sure of, gets
 * the fallback (by default {@code en}, see {@link #DEFAULT_FALLBACK}). Runs before the entity step,
 * which extracts names from English text only. Thread-safe.
 */
public final class LanguageStep implements PrepareStep {
  /**
   * What an article gets when detection is not sure: English. Most of what the detector cannot
   * place is a short English headline or a table of names and figures in an English feed, which
   * English analysis serves best; a wrong guess of another language would take such an article
   * out of the English fields, where every search finds it today. An index of mostly other
   * languages sets its own ({@code und} for neutral analysis).
   */
  public static final String DEFAULT_FALLBACK = "en";

  private final LanguageDetector detector;
  private final String fallback;

  public LanguageStep(LanguageDetector detector, String fallback) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.fallback = Languages.require(fallback);
  }

  /** The built-in detector, falling back to English. */
  public static LanguageStep defaults() {
    return new LanguageStep(new LanguageDetector(), DEFAULT_FALLBACK);
  }

  @Override
  public PreparedArticle apply(PreparedArticle prepared) {
    Article a = prepared.article();
    String code;
    if (a.language() != null) {
      code = Languages.code(a.language());
      if (code == null) {
        code = Languages.UNDETERMINED; // it said something, but no language we know: neutral analysis
      }
    } else {
      code = detector.detect(a.headline(), a.lead(), prepared.indexedBody());
      if (code == null) {
        code = fallback;
      }
    }
    return code.equals(a.language()) ? prepared : prepared.withArticle(a.withLanguage(code));
  }
}
