package dev.lede.prepare.story;

import dev.lede.article.Article;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns an article into its {@link StoryEntry}: normalised words of lead and body (the headline
 * only when there is neither, because syndicated copies rewrite headlines far more than bodies),
 * word shingles, MinHash signature, band keys and content hash.
 */
public final class StorySigner {
  private final StoryOptions options;
  private final MinHash minHash;
  private final boolean bandKeys;

  /** A signer with these options, whose entries carry their band keys. */
  public StorySigner(StoryOptions options) {
    this(options, true);
  }

  /**
   * @param bandKeys false leaves entries without band keys, for a store that finds candidates
   *     from the signature itself (64 strings an article saved)
   */
  public StorySigner(StoryOptions options, boolean bandKeys) {
    this.options = options;
    this.minHash = new MinHash(options.hashes(), options.bands(), options.seed());
    this.bandKeys = bandKeys;
  }

  /** The options signatures are made with. */
  public StoryOptions options() {
    return options;
  }

  /** The MinHash behind the signatures. */
  public MinHash minHash() {
    return minHash;
  }

  /** The entry of an article, in a story of its own. */
  public StoryEntry sign(Article article) {
    List<String> words = comparedWords(article);
    String hash = contentHash(words.size() < options.minWords() ? withHeadline(words, article) : words);
    if (!options.grouping()) {
      // exact duplicates only: the content hash finds them, the signature would go unused
      return new StoryEntry(article.id(), article.id(), article.published(), hash, new int[0], List.of(), words.size());
    }
    long[] shingles = Shingles.of(words, options.shingleSize());
    int[] signature = minHash.signature(shingles);
    return new StoryEntry(
        article.id(),
        article.id(),
        article.published(),
        hash,
        signature,
        bandKeys ? minHash.bandKeys(signature) : List.of(),
        words.size());
  }

  /**
   * A short text's words followed by its headline's. A few words of lead and body ("More to
   * follow.", a weekly column's one-line teaser) are shared by articles that are not copies of one
   * another; for those, an exact copy must also have the same headline (issue 15). Longer texts are
   * compared on lead and body alone, since syndicated copies often get a new headline.
   */
  private static List<String> withHeadline(List<String> words, Article article) {
    List<String> out = new java.util.ArrayList<>(words);
    out.add("\u0000");
    out.addAll(StoryText.words(article.headline()));
    return out;
  }

  /** The words an article is compared on. */
  public static List<String> comparedWords(Article article) {
    String text = article.text();
    return StoryText.words(text.isEmpty() ? article.headline() : text);
  }

  /** 128 bits of hash over the normalised words: equal for texts that differ only in case, quotes, spacing or punctuation. */
  static String contentHash(List<String> words) {
    long a = 0x243F6A8885A308D3L;
    long b = 0x13198A2E03707344L;
    for (String w : words) {
      long h = Hash64.of(w);
      a = Hash64.mix(a * 0x9E3779B97F4A7C15L + h);
      b = Hash64.mix(b ^ (h + 0x632BE59BD9B4E019L));
    }
    return HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(b ^ words.size());
  }
}
