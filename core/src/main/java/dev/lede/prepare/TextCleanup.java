package dev.lede.prepare;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies the indexed body: HTML entities that scrapers leave behind ({@code &amp;}, {@code &#8217;})
 * decoded, stray tags dropped, runs of blank lines folded. The stored original is not touched.
 */
final class TextCleanup implements PrepareStep {
  private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]{0,10}(\\s[^<>]{0,200})?/?>");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "mdash", "\u2014", "ndash", "\u2013", "rsquo", "\u2019", "lsquo", "\u2018");

  @Override
  public PreparedArticle apply(PreparedArticle article) {
    String body = article.indexedBody();
    if (body.indexOf('&') < 0 && body.indexOf('<') < 0 && body.indexOf("\n\n\n") < 0) {
      return article; // the common case: nothing to do
    }
    String cleaned = TAG.matcher(body).replaceAll("");
    cleaned = decodeEntities(cleaned);
    cleaned = BLANK_LINES.matcher(cleaned).replaceAll("\n\n");
    return article.withIndexedBody(cleaned.strip());
  }

  static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.charAt(0) == '#') {
        int cp;
        try {
          cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
          cp = -1;
        }
        replacement = Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : m.group();
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
