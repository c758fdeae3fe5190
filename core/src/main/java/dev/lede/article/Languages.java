package dev.lede.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/**
 * Language codes as Lede indexes them: ISO 639-1 where the language has one ({@code de}), else the
 * ISO 639-2/3 code, lower case. Inputs write languages in many ways ({@code de}, {@code DE},
 * {@code de-AT}, {@code de_CH}, {@code deu}, {@code ger}, {@code German}); all of these are one
 * language to search.
 */
public final class Languages {
  private Languages() {}

  /** The code of an article whose language is not known: analysed neutrally (ISO 639-2's "undetermined"). */
  public static final String UNDETERMINED = "und";

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
  private static final Map<String, String> BY_NAME_OR_ISO3 = new HashMap<>();
  private static final java.util.Set<String> TWO_LETTER = java.util.Set.of(Locale.getISOLanguages());
  /** Old codes that inputs still use; Java maps them to the new ones ({@code iw} to {@code he}). */
  private static final java.util.Set<String> OLD = java.util.Set.of("iw", "in", "ji");

  static {
    for (String two : Locale.getISOLanguages()) {
      Locale l = Locale.of(two);
      BY_NAME_OR_ISO3.put(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), two);
      try {
        BY_NAME_OR_ISO3.put(l.getISO3Language(), two);
      } catch (MissingResourceException e) {
        // no three-letter code for it: the two-letter one is enough
      }
    }
    // The bibliographic ISO 639-2 codes that differ from the terminological ones Java knows.
    String[][] bibliographic = {{"ger", "de"}, {"fre", "fr"}, {"dut", "nl"}, {"chi", "zh"}, {"cze", "cs"}, {"gre", "el"},
        {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"},
        {"geo", "ka"}, {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"tib", "bo"}, {"wel", "cy"}};
    for (String[] b : bibliographic) {
      BY_NAME_OR_ISO3.put(b[0], b[1]);
    }
    BY_NAME_OR_ISO3.remove(UNDETERMINED);
  }

  /**
   * The code of a language as an input or a user wrote it, or null when it names no language Lede
   * knows ({@code "xx"}, {@code "Klingon"}). {@code und} is a code.
   */
  public static String code(String written) {
    if (written == null) {
      return null;
    }
    String s = written.strip();
    if (s.isEmpty()) {
      return null;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals(UNDETERMINED)) {
      return UNDETERMINED;
    }
    if (TAG.matcher(s).matches()) {
      String primary = lower.split("[-_]", 2)[0];
      if (primary.length() == 2) {
        return TWO_LETTER.contains(primary) || OLD.contains(primary) ? Locale.of(primary).getLanguage() : null;
      }
      String two = BY_NAME_OR_ISO3.get(primary);
      if (two != null) {
        return two;
      }
      if (lower.length() == 3) {
        // a three-letter name Java does not list ("eng" is listed; "nob" is not): only if no English name matched
        return null;
      }
    }
    return BY_NAME_OR_ISO3.get(lower);
  }

  /** The code of a language the user asked for, or an {@link IllegalArgumentException} that says what was wrong. */
  public static String require(String written) {
    String code = code(written);
    if (code == null) {
      throw new IllegalArgumentException("unknown language '" + written + "': expected an ISO 639 code such as en, de or fr");
    }
    return code;
  }
}
