package dev.lede.prepare.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into words and punctuation in one linear pass, keeping initialisms ({@code U.S.}),
 * hyphenated names ({@code Jong-un}) and possessives ({@code Korea’s}) in one word, and marking the
 * words that open a sentence.
 */
final class Tokenizer {
  private Tokenizer() {}

  /** Abbreviations whose final dot does not end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Sgt", "Capt", "Gov", "Sen", "Rep", "Inc",
          "Corp", "Co", "Ltd", "Prof", "Rev", "No", "vs", "Mt", "Ft", "Adm", "Maj", "Cmdr", "Cpl", "Pte", "Gens",
          "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Bros", "Dept", "Univ", "Assn");

  /** Words that make "Name-word" an adjective of the name: "Italy-based", "Kremlin-backed". */
  private static final Set<String> COMPOUND_SUFFIXES =
      Set.of(
          "based", "owned", "led", "backed", "born", "made", "listed", "registered", "sponsored", "controlled",
          "run", "funded", "bound", "flagged", "brokered", "headquartered", "linked", "allied", "dominated", "held",
          "produced", "built", "focused", "area", "wide", "style");

  /** Whether text at {@code from} is one of {@link #COMPOUND_SUFFIXES} followed by a non-letter. */
  private static boolean compoundSuffixAt(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isLowerCase(text.charAt(end))) {
      end++;
    }
    return end > from && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
        && COMPOUND_SUFFIXES.contains(text.substring(from, end));
  }

  /** The longest of {@link #ABBREVIATIONS}: a longer word before a dot is not looked up. */
  private static final int MAX_ABBREVIATION = ABBREVIATIONS.stream().mapToInt(String::length).max().orElse(0);

  /** The ASCII marks as strings, made once: a text has about one punctuation token in five. */
  private static final String[] PUNCTUATION = new String[128];

  static {
    for (char c = 0; c < PUNCTUATION.length; c++) {
      PUNCTUATION[c] = String.valueOf(c);
    }
  }

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>(Math.max(16, text.length() / 5));
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        sentenceStart = sentenceStart || !softWrap(text, i);
        i++;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        i++;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
            i++;
          } else if ((d == '-' || d == '\u2010' || d == '\u2011' || d == '\'' || d == '\u2019' || d == '.' || d == '&')
              && i + 1 < n
              && Character.isLetterOrDigit(text.charAt(i + 1))) {
            if (d == '.' && !initialismSoFar(text, start, i)) {
              break;
            }
            if (d == '-' && Character.isUpperCase(text.charAt(start)) && compoundSuffixAt(text, i + 1)) {
              break; // "Italy-based", "US-sponsored": the name is the part before the hyphen
            }
            i++;
          } else {
            break;
          }
        }
        int end = i;
        // A closing dot belongs to an initialism (U.S.) or a known abbreviation (Mr.).
        String raw = text.substring(start, end);
        if (i < n && text.charAt(i) == '.') {
          String w = raw;
          if (initialismSoFar(text, start, end) && w.indexOf('.') > 0 || w.length() <= MAX_ABBREVIATION && ABBREVIATIONS.contains(w)
              || middleInitial(text, out, w, i)) {
            end = ++i;
            raw = text.substring(start, end);
          }
        }
        boolean possessive = false;
        String core = NameKey.stripPossessive(raw);
        if (core.length() != raw.length()) {
          possessive = true;
        } else if (i < n && NameKey.isApostrophe(text.charAt(i)) && raw.endsWith("s")
            && (i + 1 == n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
          // Plural possessive: "the Joneses' house".
          possessive = true;
          end = ++i;
        }
        out.add(new Token(start, end, core, true, possessive, sentenceStart));
        sentenceStart = false;
        continue;
      }
      out.add(new Token(i, i + 1, c < PUNCTUATION.length ? PUNCTUATION[c] : String.valueOf(c), false, false, false));
      if (c == '.' || c == '!' || c == '?') {
        sentenceStart = true;
      }
      i++;
    }
    return out;
  }

  /**
   * "James F. Waters", "Clifford J. Vaughn": a capital letter and a dot between a capitalised word
   * and another is a middle initial, not the end of a sentence.
   */
  private static boolean middleInitial(String text, List<Token> before, String w, int dot) {
    if (w.length() != 1 || !Character.isUpperCase(w.charAt(0)) || before.isEmpty()) {
      return false;
    }
    Token prev = before.getLast();
    if (!prev.word() || !Character.isUpperCase(prev.text().charAt(0)) || prev.text().length() < 2 || prev.possessive()) {
      return false;
    }
    return dot + 2 < text.length() && text.charAt(dot + 1) == ' ' && Character.isUpperCase(text.charAt(dot + 2));
  }

  /**
   * A line break inside a sentence, as in hard-wrapped wire copy ("for Alan\nGreenspan's"): the line
   * before ends in a letter, digit or comma, and the next line goes on at once (no blank line, no
   * indent that opens a paragraph). Such a break does not open a sentence.
   */
  private static boolean softWrap(String text, int newline) {
    int next = newline + 1;
    if (next >= text.length() || !Character.isLetterOrDigit(text.charAt(next)) && text.charAt(next) != '<') {
      return false;
    }
    int prev = newline - 1;
    if (prev >= 0 && text.charAt(prev) == '\r') {
      prev--;
    }
    if (prev < 0) {
      return false;
    }
    char p = text.charAt(prev);
    return Character.isLetterOrDigit(p) || p == ',';
  }

  /** True when text[start, end) is single letters separated by dots so far: "U", "U.S", "U.S.A". */
  private static boolean initialismSoFar(String text, int start, int end) {
    for (int k = start; k < end; k++) {
      boolean letterSlot = (k - start) % 2 == 0;
      char c = text.charAt(k);
      if (letterSlot ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return true;
  }
}
