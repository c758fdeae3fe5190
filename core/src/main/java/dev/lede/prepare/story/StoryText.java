package dev.lede.prepare.story;

import dev.lede.article.NfkcLower;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words two copies of a story are compared on: NFKC, lower case, apostrophes dropped inside
 * words ({@code don’t} and {@code don't} both become {@code dont}), every other character that is
 * not a letter or digit a word break. Typographic quotes, dashes and punctuation therefore never
 * tell two copies apart.
 *
 * <p>The words are scanned once, character by character, and what is needed is made of them as
 * they pass ({@link #wordHashes}, {@link #hasWords}, {@link #joinedHash}): no string per word, and
 * no normalised copy of a text whose characters {@link NfkcLower} lower-cases one by one.
 */
public final class StoryText {
  private StoryText() {}

  /** The normalised words of a text, in order; empty for null or blank input. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    new Scan() {
      @Override
      void letter(char c) {
        word.append(c);
      }

      @Override
      void end() {
        out.add(word.toString());
        word.setLength(0);
      }
    }.scan(text);
    return out;
  }

  /** The normalised text as one string of words separated by single spaces. */
  public static String normalize(String text) {
    return String.join(" ", words(text));
  }

  /** {@link Hash64#of} of each normalised word, in order. */
  public static long[] wordHashes(String text) {
    Hashes h = new Hashes();
    h.scan(text);
    return Arrays.copyOf(h.out, h.size);
  }

  /** Whether a text has a normalised word at all. */
  public static boolean hasWords(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && Character.isLetterOrDigit(c)) {
        return true; // an ASCII letter or digit stays one, whatever NFKC does around it
      }
    }
    int[] words = {0};
    new Scan() {
      @Override
      void letter(char c) {}

      @Override
      void end() {
        words[0]++;
      }
    }.scan(text);
    return words[0] > 0;
  }

  /**
   * FNV-1a (64 bits, not finalised) over the UTF-16 units of {@link #normalize(String)}, without
   * making that string.
   */
  public static long joinedHash(String text) {
    long[] h = {Hash64.FNV_OFFSET};
    boolean[] between = {false, false}; // a word ended; the current word has begun
    new Scan() {
      @Override
      void letter(char c) {
        if (between[0] && !between[1]) {
          h[0] = (h[0] ^ ' ') * Hash64.FNV_PRIME;
        }
        between[1] = true;
        h[0] = (h[0] ^ c) * Hash64.FNV_PRIME;
      }

      @Override
      void end() {
        between[0] = true;
        between[1] = false;
      }
    }.scan(text);
    return h[0];
  }

  /** Collects {@link Hash64#of} of each word. */
  static final class Hashes extends Scan {
    long[] out = new long[64];
    int size;
    private long h = Hash64.FNV_OFFSET;

    @Override
    void letter(char c) {
      h = (h ^ c) * Hash64.FNV_PRIME;
    }

    @Override
    void end() {
      if (size == out.length) {
        out = Arrays.copyOf(out, size * 2);
      }
      out[size++] = Hash64.mix(h);
      h = Hash64.FNV_OFFSET;
    }
  }

  /**
   * One pass over a text's normalised words: {@link #letter} for each character of a word, {@link
   * #end} after each word.
   */
  abstract static class Scan {
    abstract void letter(char c);

    abstract void end();

    final void scan(String text) {
      if (text == null || text.isEmpty()) {
        return;
      }
      // on the fast path the text is its own normal form, a character at a time in lower case
      boolean fast = NfkcLower.fast(text);
      String n = fast ? text : NfkcLower.of(text);
      int length = n.length();
      boolean inWord = false;
      for (int i = 0; i < length; i++) {
        char c = fast ? Character.toLowerCase(n.charAt(i)) : n.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          letter(c);
          inWord = true;
        } else if (isApostrophe(c) && inWord && i + 1 < length
            && Character.isLetter(fast ? Character.toLowerCase(n.charAt(i + 1)) : n.charAt(i + 1))) {
          // an apostrophe inside a word joins it: "it's" and "it’s" are one word, the same word
        } else if (inWord) {
          end();
          inWord = false;
        }
      }
      if (inWord) {
        end();
      }
    }
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\uFF07';
  }
}
