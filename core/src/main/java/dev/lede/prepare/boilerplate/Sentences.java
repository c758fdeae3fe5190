package dev.lede.prepare.boilerplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences, well enough to find a sign-off run into the last one. A
 * sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (with any closing quotes or
 * brackets after it) followed by a space and a capital, a digit or an opening quote. A period after
 * a single letter ("U.S.") or a common title ("Mr.") ends nothing. The split only has to be the
 * same for every article of a source, not right by a linguist's standard: a footer is split the
 * same way each time it is seen.
 */
final class Sentences {
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov",
      "sen", "rep", "rev", "col", "lt", "sgt", "capt", "no", "vs", "etc", "inc", "ltd", "co", "corp");

  private Sentences() {}

  /** The sentences of a line as [start, end) spans without surrounding spaces; the whole line when it has one. */
  static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int start = skipSpaces(text, 0);
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?' && c != '…') {
        continue;
      }
      int end = i + 1;
      while (end < n && isCloser(text.charAt(end))) {
        end++;
      }
      if (end >= n || !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = skipSpaces(text, end);
      if (next >= n || !startsSentence(text.charAt(next)) || (c == '.' && isAbbreviation(text, start, i))) {
        continue;
      }
      out.add(new int[] {start, end});
      start = next;
      i = next - 1;
    }
    int end = n;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new int[] {start, end});
    }
    return out;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']';
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '‘' || c == '\'' || c == '(';
  }

  /** Whether the word before the period at {@code dot} is a single letter or a title. */
  private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
    int w = dot;
    while (w > sentenceStart && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    int length = dot - w;
    return length == 1 || (length > 0 && TITLES.contains(text.substring(w, dot).toLowerCase(java.util.Locale.ROOT)));
  }
}
