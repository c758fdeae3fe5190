package dev.lede.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenization, written here so that Lede decides how long a text may be:
 * the tokenizer file shipped with the model truncates every text to 128 word pieces, silently
 * (issue 20). Same steps as the file describes: clean the text (control characters out, every
 * space a blank), space out CJK ideographs, lower-case and strip accents, split on blanks and
 * punctuation, then greedy longest-match word pieces, {@code ##} marking a continuation.
 * Thread-safe: its vocabulary is read-only.
 */
final class WordPieceTokenizer {
  static final int MAX_CHARS_PER_WORD = 100;
  private final Map<String, Integer> vocabulary;
  private final int unknown;

  WordPieceTokenizer(Map<String, Integer> vocabulary) {
    this.vocabulary = Map.copyOf(vocabulary);
    Integer unk = vocabulary.get("[UNK]");
    if (unk == null) {
      throw new IllegalArgumentException("vocabulary has no [UNK] token");
    }
    this.unknown = unk;
  }

  int id(String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new IllegalArgumentException("vocabulary has no " + token + " token");
    }
    return id;
  }

  /** The words of a text as BERT splits them: runs of letters and digits, each punctuation mark alone. */
  static List<String> words(String text) {
    String normalized = Normalizer.normalize(clean(text).toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // an accent, split off by NFD
      }
      if (c == ' ') {
        flush(word, out);
      } else if (isPunctuation(c) || isCjk(c)) {
        flush(word, out);
        out.add(new String(Character.toChars(c)));
      } else {
        word.appendCodePoint(c);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (!word.isEmpty()) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  /** Control characters out, every kind of space a blank. */
  private static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == 0 || c == 0xFFFD) {
        continue;
      }
      if (c == '\t' || c == '\n' || c == '\r' || Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
        b.append(' ');
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        continue;
      } else {
        b.appendCodePoint(c);
      }
    }
    return b.toString();
  }

  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
  }

  /** The word pieces of one word (from {@link #words}), as vocabulary ids: [UNK] alone when it cannot be split. */
  void pieces(String word, List<Integer> out) {
    if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
      out.add(unknown);
      return;
    }
    int mark = out.size();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = start == 0 ? word.substring(start, end) : "##" + word.substring(start, end);
        found = vocabulary.get(piece);
        if (found != null) {
          break;
        }
        end--;
        if (end > start && Character.isLowSurrogate(word.charAt(end))) {
          end--;
        }
      }
      if (found == null) {
        out.subList(mark, out.size()).clear();
        out.add(unknown);
        return;
      }
      out.add(found);
      start = end;
    }
  }
}
