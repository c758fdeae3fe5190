package dev.lede.prepare.entity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Facts about one text that help judge a capitalised word at the start of a sentence. */
final class TextContext {
  final Set<String> lowerWords;
  final Set<String> capitalisedMidSentence;
  final Gazetteer gazetteer;
  final List<Token> tokens;
  /** Per token: its {@link NameKey}, and its text in lower case (null for punctuation). */
  final String[] keys;
  final String[] lowers;
  private final int[] knownLength;

  TextContext(List<Token> tokens, Gazetteer gazetteer) {
    this.tokens = tokens;
    this.gazetteer = gazetteer;
    // Sized for the text once: no rehashing as an article's words go in.
    this.lowerWords = HashSet.newHashSet(tokens.size());
    this.capitalisedMidSentence = HashSet.newHashSet(Math.max(16, tokens.size() / 4));
    this.keys = new String[tokens.size()];
    this.lowers = new String[tokens.size()];
    this.knownLength = new int[tokens.size()];
    java.util.Arrays.fill(knownLength, -1);
    for (int i = 0; i < keys.length; i++) {
      Token t = tokens.get(i);
      if (!t.word()) {
        continue;
      }
      String text = t.text();
      int plain = plainAscii(text);
      if (plain >= 0) {
        // one scan: lower case and key are the same string, and the text itself when it has no capital
        lowers[i] = plain == 0 ? text : text.toLowerCase(Locale.ROOT);
        keys[i] = lowers[i];
      } else {
        lowers[i] = text.toLowerCase(Locale.ROOT);
        keys[i] = NameKey.of(text);
      }
      char c = t.text().charAt(0);
      if (Character.isLowerCase(c)) {
        lowerWords.add(t.text());
      } else if (Character.isUpperCase(c) && !t.sentenceStart()) {
        capitalisedMidSentence.add(t.text());
      }
    }
  }

  /**
   * Capitalised words opening sentences with a name's evidence: a possessive ("Kestrix’s new
   * plant") or a verb that companies and people do after it ("Kestrix has bet"), counted per word.
   */
  private Map<String, Integer> evidenceAtStarts() {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.word() && t.sentenceStart() && t.capitalised() && !t.allUpper() && (t.possessive() || nameVerbAfter(i))) {
        counts.merge(t.text(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private boolean nameVerbAfter(int i) {
    if (i + 1 >= tokens.size() || !tokens.get(i + 1).word()) {
      return false;
    }
    String next = tokens.get(i + 1).text();
    return Lexicon.NAME_VERBS.contains(next) || Lexicon.SPEECH_VERBS.contains(next);
  }

  /**
   * Issue 16: a word no list knows and the article never writes in lower case, opening sentences,
   * is a name when the evidence is there: a possessive or a name's verb at two sentence starts or
   * more ("Kestrix’s new plant ... Kestrix has bet"), or once a speech verb right after a word that
   * does not look like a plural ("Kestrix said"; not "Witnesses said").
   */
  boolean sentenceStartName(int i) {
    Token t = tokens.get(i);
    if (evidence == null) {
      evidence = evidenceAtStarts();
    }
    if (evidence.getOrDefault(t.text(), 0) >= 2) {
      return true;
    }
    String lower = lowers[i];
    return !lower.endsWith("s") && i + 1 < tokens.size() && tokens.get(i + 1).word()
        && Lexicon.SPEECH_VERBS.contains(tokens.get(i + 1).text());
  }

  private Map<String, Integer> evidence; // computed on first need

  /** How many sentence starts give this word a name's evidence (see {@link #sentenceStartName}). */
  int evidenceAtStarts(String word) {
    if (evidence == null) {
      evidence = evidenceAtStarts();
    }
    return evidence.getOrDefault(word, 0);
  }

  /**
   * Letters and digits only, in ASCII, so that the lower-cased text is already the key: the number
   * of capitals in it (0: the text is its own key), or -1 when it has anything else.
   */
  private static int plainAscii(String s) {
    int upper = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        upper++;
        continue;
      }
      return -1;
    }
    return upper;
  }

  /** Whether a gazetteer name starts at token {@code i}. */
  boolean startsKnownName(int i) {
    return knownNameLength(i) > 0;
  }

  /** Marks every word of each gazetteer name that starts with a capital as a name part. */
  void markKnownNames(boolean[] nameParts) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).capitalised()) {
        int len = knownNameLength(i);
        for (int j = i; j < i + len; j++) {
          nameParts[j] = true;
        }
        if (len > 0) {
          i += len - 1;
        }
      }
    }
  }

  /** The number of tokens of the longest gazetteer name that starts at token {@code i}, or 0. */
  int knownNameLength(int i) {
    if (knownLength[i] < 0) {
      knownLength[i] = computeKnownNameLength(i);
    }
    return knownLength[i];
  }

  private int computeKnownNameLength(int i) {
    int best = 0;
    String key = null;
    int max = Math.min(tokens.size(), i + gazetteer.maxTokens());
    for (int j = i; j < max; j++) {
      Token t = tokens.get(j);
      if (!t.word()) {
        break;
      }
      if (keys[j].isEmpty()) {
        break;
      }
      key = key == null ? keys[j] : key + ' ' + keys[j]; // one word, the commonest case, builds no string
      int match = gazetteer.match(key, t.allUpper());
      if ((match & Gazetteer.FOUND) != 0) {
        best = j - i + 1;
      }
      if (t.possessive() || (match & Gazetteer.PREFIX) == 0) {
        break;
      }
    }
    return best;
  }

  /** The rule for a capitalised word that opens a sentence: a name only if nothing says it is a plain word. */
  boolean sentenceInitialIsName(int i) {
    Token t = tokens.get(i);
    String w = t.text();
    if (startsKnownName(i)) {
      return true;
    }
    String lower = lowers[i];
    if (Lexicon.COMMON.contains(lower)) {
      return false;
    }
    if (lowerWords.contains(lower)) {
      return false;
    }
    if (capitalisedMidSentence.contains(w)) {
      return true;
    }
    if (lower.endsWith("ly") || lower.endsWith("ing") || lower.endsWith("ed")) {
      return false;
    }
    if (Lexicon.isDateWord(lower.replace(".", ""))) {
      return false;
    }
    if (sentenceStartName(i)) {
      return true;
    }
    // A lone capitalised word opening a sentence and followed by a lower-case word is most often an
    // ordinary word ("Reports suggest"); one followed by another capitalised word starts a name.
    if (i + 1 < tokens.size()) {
      Token next = tokens.get(i + 1);
      return next.capitalised() && !next.sentenceStart();
    }
    return false;
  }
}
