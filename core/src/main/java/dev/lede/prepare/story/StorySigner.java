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
    if (!options.grouping()) {
      // exact duplicates only: one pass for the content hash, no word kept, no signature
      ContentHash hash = new ContentHash();
      scanCompared(article, hash);
      int words = hash.count;
      if (words < options.minWords()) {
        hash.add(HEADLINE_MARK);
        hash.scan(article.headline());
      }
      return new StoryEntry(article.id(), article.id(), article.published(), hash.hex(), new int[0], List.of(), words);
    }
    StoryText.Hashes all = new StoryText.Hashes();
    scanCompared(article, all);
    long[] words = java.util.Arrays.copyOf(all.out, all.size);
    String hash = contentHash(words, words.length < options.minWords() ? StoryText.wordHashes(article.headline()) : null);
    long[] shingles = Shingles.ofHashes(words, options.shingleSize());
    int[] signature = minHash.signature(shingles);
    return new StoryEntry(
        article.id(),
        article.id(),
        article.published(),
        hash,
        signature,
        bandKeys ? minHash.bandKeys(signature) : List.of(),
        words.length);
  }

  /**
   * What separates a short text's words from its headline's in the content hash. A few words of lead and
   * body ("More to follow.", a weekly column's one-line teaser) are shared by articles that are
   * not copies of one another; for those, an exact copy must also have the same headline (issue
   * 15). Longer texts are compared on lead and body alone, since syndicated copies often get a new
   * headline.
   */
  private static final long HEADLINE_MARK = Hash64.of("\u0000");

  /**
   * Scans the words an article is compared on ({@link #comparedWords}): lead then body, without
   * joining them (the blank line between them is a word break either way).
   */
  private static void scanCompared(Article article, StoryText.Scan scan) {
    if (article.lead().isEmpty() && article.body().isEmpty()) {
      scan.scan(article.headline());
    } else {
      scan.scan(article.lead());
      scan.scan(article.body());
    }
  }

  /** The words an article is compared on. */
  public static List<String> comparedWords(Article article) {
    String text = article.text();
    return StoryText.words(text.isEmpty() ? article.headline() : text);
  }

  /**
   * 128 bits of hash over the normalised words' hashes, then (when not null) the headline mark and
   * the headline's: equal for texts that differ only in case, quotes, spacing or punctuation.
   */
  private static String contentHash(long[] words, long[] headline) {
    ContentHash h = new ContentHash();
    for (long w : words) {
      h.add(w);
    }
    if (headline != null) {
      h.add(HEADLINE_MARK);
      for (long w : headline) {
        h.add(w);
      }
    }
    return h.hex();
  }

  /** The content hash, folded in one word at a time; as a scan, over a text's words as they pass. */
  private static final class ContentHash extends StoryText.Scan {
    private long a = 0x243F6A8885A308D3L;
    private long b = 0x13198A2E03707344L;
    private int count;
    private long word = Hash64.FNV_OFFSET;

    @Override
    void letter(char c) {
      word = (word ^ c) * Hash64.FNV_PRIME;
    }

    @Override
    void end() {
      add(Hash64.mix(word));
      word = Hash64.FNV_OFFSET;
    }

    void add(long h) {
      a = Hash64.mix(a * 0x9E3779B97F4A7C15L + h);
      b = Hash64.mix(b ^ (h + 0x632BE59BD9B4E019L));
      count++;
    }

    String hex() {
      return HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(b ^ count);
    }
  }
}
