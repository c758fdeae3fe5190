package dev.lede.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain text from the HTML that scraped news carries in its fields. Every reader passes headline,
 * lead, body and authors through here, so an {@link dev.lede.article.Article} is clean text whatever
 * the input format.
 *
 * <ul>
 *   <li>Block tags ({@code p}, {@code div}, {@code h1}..{@code h6}, {@code blockquote}, {@code
 *       table}, ...) end a paragraph (a blank line); {@code br}, {@code li}, {@code tr} and their
 *       kin end a line; table cells and unknown tags leave a space, so words never glue; inline
 *       tags ({@code b}, {@code a}, {@code span}, ...) vanish.
 *   <li>The contents of {@code script}, {@code style}, {@code noscript}, {@code template} and
 *       comments are dropped.
 *   <li>Entities are decoded: named (the common ones), decimal and hexadecimal; references into
 *       the 128-159 range mean what Windows-1252 put there ({@code &#146;} is ’). Text escaped twice
 *       ({@code &amp;amp;}, {@code &lt;b&gt;}) is decoded again, at most {@value #ROUNDS} times.
 *   <li>Then white space: non-breaking spaces become spaces, runs of spaces become one, lines are
 *       trimmed and at most one blank line is kept.
 * </ul>
 *
 * <p>A {@code <} that does not open a tag ({@code a < b}) and an {@code &} that is not an entity
 * ({@code AT&T}) are text. A value with neither {@code <} nor {@code &} is returned as it is, the
 * same object, after one scan: most news text has no markup and pays nothing else.
 */
public final class HtmlText {
  private HtmlText() {}

  /** How many times text is decoded: once, plus once more for each level of escaping (AG News has one). */
  static final int ROUNDS = 3;

  /** The longest tag looked for: a {@code <} with no {@code >} within this is text. */
  private static final int MAX_TAG = 4096;

  private static final Set<String> BLOCK = Set.of(
      "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "h1", "h2", "h3", "h4",
      "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "figure",
      "figcaption", "pre", "hr", "form", "address", "fieldset", "details", "summary", "center");
  private static final Set<String> LINE = Set.of("br", "li", "dt", "dd", "tr", "caption", "option", "legend");
  private static final Set<String> INLINE = Set.of(
      "a", "b", "i", "u", "s", "em", "strong", "span", "small", "big", "sup", "sub", "abbr", "cite", "code",
      "mark", "q", "font", "time", "ins", "del", "kbd", "var", "tt", "dfn", "bdi", "bdo", "label", "strike", "wbr");
  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "svg", "object");
  private static final Set<String> OTHER = Set.of(
      "td", "th", "img", "input", "button", "select", "textarea", "meta", "link", "source", "video", "audio",
      "picture", "html", "head", "body", "title", "col", "colgroup", "embed", "param", "track", "area", "map");

  /**
   * Clean text with its paragraphs: block tags become blank lines, line tags new lines.
   *
   * @return {@code s} itself when it has no {@code <} and no {@code &}; null for null
   */
  public static String text(String s) {
    return clean(s, false);
  }

  /** Clean text on one line (headlines, names): every break and run of white space is one space. */
  public static String line(String s) {
    return clean(s, true);
  }

  private static String clean(String s, boolean oneLine) {
    if (s == null || !hasMarkup(s)) {
      return s;
    }
    String t = s;
    for (int round = 0; round < ROUNDS && hasMarkup(t); round++) {
      // Once decoded, only HTML's own tag names are markup: "&lt;Reuters&gt;" stays "<Reuters>".
      String next = decode(stripTags(t, round == 0));
      if (next.equals(t)) {
        break;
      }
      t = next;
    }
    return whitespace(t, oneLine);
  }

  private static boolean hasMarkup(String s) {
    return s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
  }

  // Marks left by tags, turned into white space at the end (private-use characters: never in text
  // that matters, and they keep the decoder from reading a tag's break as text).
  private static final char PARAGRAPH = '\uE000';
  private static final char BREAK = '\uE001';

  private static String stripTags(String s, boolean anyName) {
    int lt = s.indexOf('<');
    if (lt < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (lt >= 0) {
      out.append(s, i, lt);
      int end = tagEnd(s, lt);
      if (end >= 0 && !anyName) {
        String name = tagName(s, lt);
        if (name != null && !BLOCK.contains(name) && !LINE.contains(name) && !INLINE.contains(name)
            && !DROPPED.contains(name) && !OTHER.contains(name)) {
          end = -1;
        }
      }
      if (end < 0) {
        out.append('<');
        i = lt + 1;
      } else {
        i = end;
        String name = tagName(s, lt);
        if (name == null) {
          // a comment, doctype or processing instruction: nothing
        } else if (DROPPED.contains(name) && s.charAt(lt + 1) != '/' && s.charAt(end - 2) != '/') {
          int close = indexOfIgnoreCase(s, "</" + name, end);
          int closeEnd = close < 0 ? -1 : tagEnd(s, close);
          i = closeEnd < 0 ? n : closeEnd; // an unclosed script runs to the end, as in a browser
        } else if (BLOCK.contains(name)) {
          out.append(PARAGRAPH);
        } else if (LINE.contains(name)) {
          out.append(BREAK);
        } else if (!INLINE.contains(name)) {
          out.append(' '); // td, img, unknown: a space keeps the words on either side apart
        }
      }
      lt = i < n ? s.indexOf('<', i) : -1;
    }
    out.append(s, i, n);
    return out.toString();
  }

  /** The index after the tag opening at {@code lt}, or -1 when no tag opens there. */
  private static int tagEnd(String s, int lt) {
    int n = s.length();
    if (lt + 1 >= n) {
      return -1;
    }
    char c = s.charAt(lt + 1);
    if (s.startsWith("<!--", lt)) {
      int close = s.indexOf("-->", lt + 4);
      return close < 0 ? -1 : close + 3;
    }
    boolean closing = c == '/';
    char first = closing && lt + 2 < n ? s.charAt(lt + 2) : c;
    if (!isAsciiLetter(first) && !(!closing && (c == '!' || c == '?'))) {
      return -1;
    }
    if (isAsciiLetter(first)) {
      // A name ends at white space, '/' or '>': "<TXN.N>" (a Reuters ticker) is text, not a tag.
      int j = closing ? lt + 3 : lt + 2;
      while (j < n && (isAsciiLetter(s.charAt(j)) || Character.isDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == ':')) {
        j++;
      }
      if (j < n && !(Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '/' || s.charAt(j) == '>')) {
        return -1;
      }
    }
    char quote = 0;
    int limit = Math.min(n, lt + MAX_TAG);
    for (int j = lt + 1; j < limit; j++) {
      char d = s.charAt(j);
      if (quote != 0) {
        if (d == quote) {
          quote = 0;
        }
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>') {
        return j + 1;
      } else if (d == '<') {
        return -1; // "a <b and c <d>": the first is text
      }
    }
    return -1;
  }

  /** The lower-case name of the tag at {@code lt}, or null for a comment or declaration. */
  private static String tagName(String s, int lt) {
    int j = lt + 1;
    if (s.charAt(j) == '!' || s.charAt(j) == '?') {
      return null;
    }
    if (s.charAt(j) == '/') {
      j++;
    }
    int from = j;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == ':')) {
      j++;
    }
    return s.substring(from, j).toLowerCase(Locale.ROOT);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    for (int i = from; i + what.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (amp >= 0) {
      out.append(s, i, amp);
      int semi = s.indexOf(';', amp + 1);
      String decoded = semi < 0 || semi - amp > 33 ? null : entity(s.substring(amp + 1, semi));
      if (decoded == null) {
        out.append('&');
        i = amp + 1;
      } else {
        out.append(decoded);
        i = semi + 1;
      }
      amp = s.indexOf('&', i);
    }
    out.append(s, i, s.length());
    return out.toString();
  }

  /** The text of an entity's name (between {@code &} and {@code ;}), or null when it is none. */
  static String entity(String name) {
    if (name.isEmpty()) {
      return null;
    }
    if (name.charAt(0) != '#') {
      String v = NAMED.get(name);
      return v != null ? v : NAMED.get(name.toLowerCase(Locale.ROOT)); // &AMP;, &QUOT;
    }
    int cp;
    try {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      String digits = name.substring(hex ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 8 || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
        return null;
      }
      cp = Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return null;
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      char c = WINDOWS_1252.charAt(cp - 0x80);
      return c == '?' ? null : String.valueOf(c);
    }
    if (cp == 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return "\uFFFD"; // what a browser shows, and what HTML says these mean
    }
    return Character.toString(cp);
  }

  private static String whitespace(String s, boolean oneLine) {
    StringBuilder out = new StringBuilder(s.length());
    int tagBreak = 0; // pending from tags: 1 a line break, 2 a paragraph break
    int lineEnds = 0; // pending line ends of the source: two or more are a paragraph break
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == PARAGRAPH) {
        tagBreak = 2;
      } else if (c == BREAK) {
        tagBreak = Math.max(tagBreak, 1);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        lineEnds++;
      } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
        space = true;
      } else {
        int breaks = Math.max(tagBreak, Math.min(lineEnds, 2));
        if (!out.isEmpty()) {
          if (breaks > 0 && !oneLine) {
            out.append(breaks == 2 ? "\n\n" : "\n");
          } else if (breaks > 0 || space) {
            out.append(' ');
          }
        }
        tagBreak = 0;
        lineEnds = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** U+0080..U+009F as Windows-1252 had them ({@code ?}: unassigned there). */
  private static final String WINDOWS_1252 =
      "\u20AC?\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152?\u017D?"
          + "?\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153?\u017E\u0178";

  /** HTML's names for U+00A0..U+00FF, in order. */
  private static final String[] LATIN_1 = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"
  };

  private static final Map<String, String> NAMED = new HashMap<>();

  static {
    for (int i = 0; i < LATIN_1.length; i++) {
      NAMED.put(LATIN_1[i], String.valueOf((char) (0xA0 + i)));
    }
    String[] more = {
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
      "ndash", "\u2013", "mdash", "\u2014", "minus", "\u2212", "lsquo", "\u2018", "rsquo", "\u2019",
      "sbquo", "\u201A", "ldquo", "\u201C", "rdquo", "\u201D", "bdquo", "\u201E", "lsaquo", "\u2039",
      "rsaquo", "\u203A", "hellip", "\u2026", "bull", "\u2022", "prime", "\u2032", "Prime", "\u2033",
      "dagger", "\u2020", "Dagger", "\u2021", "permil", "\u2030", "euro", "\u20AC", "trade", "\u2122",
      "OElig", "\u0152", "oelig", "\u0153", "Scaron", "\u0160", "scaron", "\u0161", "Yuml", "\u0178",
      "Zcaron", "\u017D", "zcaron", "\u017E", "fnof", "\u0192", "circ", "\u02C6", "tilde", "\u02DC",
      "ensp", " ", "emsp", " ", "thinsp", " ", "hairsp", " ", "zwnj", "\u200C", "zwj", "\u200D",
      "lrm", "\u200E", "rlm", "\u200F", "larr", "\u2190", "rarr", "\u2192", "uarr", "\u2191", "darr", "\u2193",
      "le", "\u2264", "ge", "\u2265", "ne", "\u2260", "asymp", "\u2248", "infin", "\u221E", "check", "\u2713",
      "star", "\u2606", "hearts", "\u2665", "laquo", "\u00AB", "raquo", "\u00BB", "NewLine", "\n", "Tab", "\t",
      "alpha", "\u03B1", "beta", "\u03B2", "gamma", "\u03B3", "delta", "\u03B4", "pi", "\u03C0", "mu", "\u03BC",
      "Delta", "\u0394", "Omega", "\u03A9", "sigma", "\u03C3"
    };
    for (int i = 0; i < more.length; i += 2) {
      NAMED.put(more[i], more[i + 1]);
    }
    NAMED.put("shy", ""); // a soft hyphen only says where a word may break
  }
}
