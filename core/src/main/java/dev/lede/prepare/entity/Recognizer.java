package dev.lede.prepare.entity;

import dev.lede.article.Article;
import dev.lede.article.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared extraction pipeline: tokens, name parts (from a {@link ProperNounDetector}), spans,
 * typing, gazetteer and within-article aliases. Stateless between calls, so thread-safe when its
 * detector is.
 */
final class Recognizer implements EntityExtractor {

  /** Text beyond this many chars is not looked at: extraction stays bounded on huge inputs. */
  static final int MAX_CHARS = 1_000_000;

  private static final int MAX_SPAN_TOKENS = 10;
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private final Gazetteer gazetteer;
  private final ProperNounDetector detector;
  private final boolean keepUntyped;
  private final String name;

  Recognizer(String name, Gazetteer gazetteer, ProperNounDetector detector, boolean keepUntyped) {
    this.name = name;
    this.gazetteer = gazetteer;
    this.detector = detector;
    this.keepUntyped = keepUntyped;
  }

  @Override
  public String toString() {
    return name;
  }

  private record Ref(String canonical, EntityType type) {}

  /** A resolved or pending piece of a span. */
  private record Piece(int from, int to, String canonical, EntityType type) {}

  /** The work of one call. */
  private final class Run {
    final String text;
    final List<Token> tokens;
    final TextContext ctx;
    final Map<String, Ref> registry = new HashMap<>();
    final List<Mention> mentions = new ArrayList<>();
    final List<int[]> deferred = new ArrayList<>();

    Run(String text) {
      this.text = text;
      this.tokens = Tokenizer.tokenize(text);
      this.ctx = new TextContext(tokens, gazetteer);
    }

    /** Token i in lower case without dots, from the context's lower-case form: no new string unless it has dots. */
    String low(int i) {
      String l = ctx.lowers[i];
      if (l == null) {
        return tokens.get(i).text();
      }
      return l.indexOf('.') < 0 ? l : l.replace(".", "");
    }

    String surface(int from, int to) {
      Token last = tokens.get(to - 1);
      String raw = text.substring(tokens.get(from).start(), last.start() + rawCoreLength(last));
      return raw.indexOf('\n') < 0 && raw.indexOf("  ") < 0 && raw.indexOf('\t') < 0 ? raw : SPACES.matcher(raw).replaceAll(" ");
    }

    int rawCoreLength(Token t) {
      // The token's text is the possessive-stripped core; it is a prefix of the raw chars.
      return t.text().length();
    }

    String key(int from, int to) {
      if (to == from + 1 && ctx.keys[from] != null) {
        return ctx.keys[from];
      }
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        String k = ctx.keys[i];
        if (k == null || k.isEmpty()) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(k);
      }
      return sb.toString();
    }

    boolean allUpper(int from, int to) {
      for (int i = from; i < to; i++) {
        Token t = tokens.get(i);
        if (t.word() && !t.allUpper()) {
          return false;
        }
      }
      return true;
    }

    Gazetteer.Entry lookup(int from, int to) {
      return gazetteer.findKey(key(from, to), allUpper(from, to));
    }

    void emit(int from, int to, String canonical, EntityType type) {
      if (type == EntityType.ORGANIZATION) {
        canonical = withoutLegalForm(canonical);
      }
      // "The UN" is a mention of "UN": the article stays outside the span unless it is part of the name ("The Hague").
      if (to - from > 1 && tokens.get(from).text().equalsIgnoreCase("the") && !NameKey.of(canonical).startsWith("the ")) {
        from++;
      }
      mentions.add(
          new Mention(surface(from, to), canonical, type, tokens.get(from).start(), tokens.get(to - 1).end()));
      register(from, to, canonical, type);
    }

    void register(int from, int to, String canonical, EntityType type) {
      Ref ref = new Ref(canonical, type);
      registry.putIfAbsent(NameKey.of(canonical), ref);
      registry.putIfAbsent(key(from, to), ref);
      List<Token> words = new ArrayList<>();
      for (int i = from; i < to; i++) {
        if (tokens.get(i).word()) {
          words.add(tokens.get(i));
        }
      }
      if (type == EntityType.PERSON && words.size() >= 2) {
        // Later short mentions: "Trump" for Donald Trump, "Kim" for Kim Jong-un (family name first).
        registry.putIfAbsent(NameKey.of(words.getLast().text()), ref);
        registry.putIfAbsent(NameKey.of(words.getFirst().text()), ref);
      }
      if (type == EntityType.ORGANIZATION && words.size() >= 2) {
        registerLeadingWords(canonical, ref);
        StringBuilder initials = new StringBuilder();
        for (Token w : words) {
          if (w.capitalised()) {
            initials.append(Character.toLowerCase(w.text().charAt(0)));
          }
        }
        if (initials.length() >= 2) {
          registry.putIfAbsent(initials.toString(), ref);
        }
      }
    }

    /**
     * "Walker Energy Partners ... Walker said", "Gabelli Group Inc ... Gabelli": the leading words of
     * an organisation's name, named in the article, stand for it later, unless they are or start
     * with a known name, or are ordinary words of their own (a first name, a title, "General", a
     * demonym).
     */
    void registerLeadingWords(String canonical, Ref ref) {
      String[] w = SPACES.split(canonical.strip());
      if (w.length < 2 || !Character.isUpperCase(w[0].charAt(0))) {
        return;
      }
      String first = w[0].replace(".", "").toLowerCase(Locale.ROOT);
      if (Lexicon.COMMON.contains(first) || Lexicon.PERSON_TITLES.contains(first) || Lexicon.ORG_HEADS.contains(first)
          || Lexicon.PLACE_HEADS.contains(first) || Lexicon.FIRST_NAMES.contains(w[0]) || Lexicon.DEMONYMS.contains(first)
          || Lexicon.CONNECTORS.contains(w[0]) || first.endsWith("ian") || first.endsWith("ese") || first.endsWith("ish")
          || first.equals("general") || first.equals("national") || first.equals("international") || first.equals("first")
          || gazetteer.findKey(NameKey.of(w[0]), false) != null || gazetteer.findKey(NameKey.of(w[0]), true) != null) {
        return; // nor after a known name: "Panama Canal Commission" leaves "Panama Canal" to the canal
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < w.length - 1; i++) {
        if (i > 0) {
          prefix.append(' ');
        }
        prefix.append(w[i]);
        if (Lexicon.CONNECTORS.contains(w[i])) {
          continue;
        }
        String key = NameKey.of(prefix.toString());
        if (gazetteer.findKey(key, false) == null && gazetteer.findKey(key, true) == null) {
          registry.putIfAbsent(key, ref);
        }
      }
    }

    List<Mention> run(int headlineEndChar) {
      boolean[] parts = detector.detect(tokens, ctx);
      int firstBody = 0;
      while (firstBody < tokens.size() && tokens.get(firstBody).start() < headlineEndChar) {
        firstBody++;
      }
      boolean shouting = shouting(firstBody);
      if (!shouting) {
        int i = dateline(firstBody);
        while (i < tokens.size()) {
          if (!parts[i] || !tokens.get(i).word()) {
            i++;
            continue;
          }
          int j = i + 1;
          while (j < tokens.size() && j - i < MAX_SPAN_TOKENS) {
            Token prev = tokens.get(j - 1);
            if (prev.possessive() && !Lexicon.POSSESSIVE_IN_NAME.contains(low(j - 1))) {
              break;
            }
            Token t = tokens.get(j);
            if (parts[j] && t.word() && !t.sentenceStart()) {
              j++;
            } else if (isConnector(t) && connectorRunThenName(j, parts)) {
              j++;
            } else {
              break;
            }
          }
          if (numberedName(i, j)) {
            j++; // "Falcon 9", "Ariane 6": the model or mission number is part of the name
          }
          resolveSpan(i, j);
          i = j;
        }
        for (int[] d : deferred) {
          resolveShort(d[0], d[1], d[2] == 1);
        }
      }
      // Headlines capitalise every word, and shouted text every letter: only known names count there.
      knownOnly(0, firstBody);
      if (shouting) {
        knownOnly(firstBody, tokens.size());
      }
      mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
      return mentions;
    }

    /**
     * A wire dateline opening the body, "LORAIN, Ohio, March 24 -" or "SAN FRANCISCO -": the words
     * in capitals before the first comma or dash name a place, unless the gazetteer knows them as
     * something else. Returns the token after them.
     */
    int dateline(int from) {
      int j = from;
      while (j < tokens.size() && j - from < 4 && tokens.get(j).word() && tokens.get(j).allUpper()
          && Character.isLetter(tokens.get(j).text().charAt(0))) {
        j++;
      }
      if (j == from || j >= tokens.size() || !(tokens.get(j).is(",") || tokens.get(j).is("-"))) {
        return from;
      }
      // The dash that ends a dateline comes within a few words: "LORAIN, Ohio, March 24 -".
      boolean dash = false;
      for (int k = j; k < tokens.size() && k - j < 10; k++) {
        Token t = tokens.get(k);
        if (t.is("-")) {
          dash = true;
          break;
        }
        if (t.is(".") || t.is("(") || t.word() && !t.capitalised() && !Character.isDigit(t.text().charAt(0))) {
          break;
        }
      }
      if (!dash) {
        return from;
      }
      Gazetteer.Entry known = lookup(from, j);
      if (known != null) {
        if (known.type() != EntityType.PLACE) {
          return from;
        }
        emit(from, j, known.canonical(), known.type());
      } else {
        emit(from, j, titleCase(surface(from, j)), EntityType.PLACE);
      }
      return j;
    }

    boolean shouting(int from) {
      int upper = 0;
      int letters = 0;
      for (int i = from; i < tokens.size() && letters < 5000; i++) {
        Token t = tokens.get(i);
        if (t.word()) {
          for (int k = 0; k < t.text().length(); k++) {
            char c = t.text().charAt(k);
            if (c < 128) { // ASCII, most of news text: no Unicode table look-up
              char folded = (char) (c | 0x20);
              if (folded >= 'a' && folded <= 'z') {
                letters++;
                if (c <= 'Z') {
                  upper++;
                }
              }
            } else if (Character.isLetter(c)) {
              letters++;
              if (Character.isUpperCase(c)) {
                upper++;
              }
            }
          }
        }
      }
      return letters > 20 && upper * 10 > letters * 7;
    }

    /** A short number right after a name that is not already known: "Falcon 9 rocket", not "Paris 2024" nor "Sinner 3 per cent". */
    boolean numberedName(int s, int e) {
      if (e >= tokens.size() || e - s > 2 || tokens.get(e - 1).possessive()) {
        return false;
      }
      Token n = tokens.get(e);
      if (!n.word() || n.sentenceStart() || n.text().length() > 3 || !n.text().chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (n.possessive()) {
        return false;
      }
      if (e + 1 < tokens.size()) {
        Token after = tokens.get(e + 1);
        if (after.is("%") || after.word() && Lexicon.NUMBER_UNITS.contains(after.text().toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      return lookup(s, e) == null && !registry.containsKey(key(s, e));
    }

    boolean isConnector(Token t) {
      return t.word() && Lexicon.CONNECTORS.contains(t.text()) || t.is("&");
    }

    boolean connectorRunThenName(int j, boolean[] parts) {
      int k = j;
      while (k < tokens.size() && k - j < 2 && isConnector(tokens.get(k))) {
        k++;
      }
      return k < tokens.size() && parts[k] && tokens.get(k).word() && k > j;
    }

    void knownOnly(int from, int to) {
      int i = from;
      while (i < to) {
        Token t = tokens.get(i);
        if (!t.word() || !t.capitalised()) {
          i++;
          continue;
        }
        int best = 0;
        Ref ref = null;
        int max = Math.min(to, i + Math.max(gazetteer.maxTokens(), 6));
        for (int j = i + 1; j <= max; j++) {
          if (!tokens.get(j - 1).word()) {
            break;
          }
          Ref r = registry.get(key(i, j));
          if (r == null) {
            Gazetteer.Entry e = lookup(i, j);
            if (e != null) {
              r = new Ref(e.canonical(), e.type());
            }
          }
          if (r != null) {
            best = j - i;
            ref = r;
          }
          if (tokens.get(j - 1).possessive()) {
            break;
          }
        }
        if (ref != null) {
          Gazetteer.Entry entry = lookup(i, i + best);
          if (entry == null || !splitQualifiedAlias(i, i + best, entry)) {
            emit(i, i + best, ref.canonical(), ref.type());
          }
          i += best;
        } else {
          i++;
        }
      }
    }

    void resolveSpan(int s, int e) {
      Gazetteer.Entry whole = lookup(s, e);
      if (whole != null && e - s == 1 && whole.type() == EntityType.PERSON) {
        // "Mariano Rubio ... Rubio said": the article's own full name beats a known person's short form.
        Ref own = registry.get(key(s, e));
        if (own != null && !NameKey.of(own.canonical()).equals(NameKey.of(whole.canonical()))) {
          emit(s, e, own.canonical(), own.type());
          return;
        }
      }
      if (whole != null) {
        if (!splitQualifiedAlias(s, e, whole)) {
          emitWithAcronym(s, e, whole.canonical(), whole.type());
        }
        return;
      }
      if (splitKnownQualifier(s, e) || splitPlaceInitialism(s, e)) {
        return;
      }
      // Trim connectors and plain words at the edges, unless a known name starts there ("The Guardian").
      // Date words too: "in Sept", "Early April" and "Mid-March" are no places (issue 15, item 5).
      while (s < e && (isConnector(tokens.get(s)) || Lexicon.COMMON.contains(ctx.lowers[s]) || Lexicon.isDateWord(low(s)))
          && ctx.knownNameLength(s) == 0) {
        s++;
      }
      while (e > s && (isConnector(tokens.get(e - 1)) || (Lexicon.COMMON.contains(ctx.lowers[e - 1]) || Lexicon.isDateWord(low(e - 1)))
          && headType(e) == null)) {
        e--;
      }
      if (s >= e) {
        return;
      }
      Gazetteer.Entry known = lookup(s, e);
      if (known != null) {
        emitWithAcronym(s, e, known.canonical(), known.type());
        return;
      }
      if (splitAtTitle(s, e)) {
        return;
      }
      // "Russia and China" is two names; "Bank of England" is one, "Mayor of London" is a title and a place.
      for (int k = s + 1; k < e - 1; k++) {
        Token t = tokens.get(k);
        if ((t.is("and") || t.is("&")) && (!oneOrganisation(s, k, e) || tokens.get(k + 1).is("the"))) {
          resolveSpan(s, k);
          resolveSpan(k + 1, e);
          return;
        }
      }
      for (int k = s + 1; k < e - 1; k++) {
        Token t = tokens.get(k);
        if (t.is("of") || t.is("for") || t.is("on")) {
          if (!Lexicon.OF_HEADS.contains(low(k - 1))) {
            resolveSpan(s, k);
            resolveSpan(k + 1, e);
            return;
          }
          EntityType ofHead = headType(k);
          if (ofHead != null && headType(e) == null) {
            emitWithAcronym(s, e, surface(s, e), ofHead); // "Ministry of Fisheries", "Republic of Karsk"
            return;
          }
          break;
        }
      }
      boolean personCue = s > 0 && tokens.get(s - 1).word() && Lexicon.TITLE_HEADS.contains(low(s - 1));
      EntityType head = headType(e);
      if (head == EntityType.ORGANIZATION) {
        emitWithAcronym(s, e, surface(s, e), head);
        return;
      }
      // Leading demonyms and titles: "Chinese President Xi Jinping" names Xi Jinping.
      int k = s;
      while (k < e - 1 && isDemonym(k)) {
        k++;
      }
      int lastTitle = -1;
      // "Transport Secretary Heidi Alexander", "Foreign Ministry Spokesman Wang Wenbin": the name follows the last title word.
      for (int m = k; m < e - 1; m++) {
        if (Lexicon.TITLE_HEADS.contains(low(m)) && nameShaped(m + 1, e)) {
          lastTitle = m;
        }
      }
      if (lastTitle >= 0) {
        k = lastTitle + 1;
        personCue = true;
        if (k < e - 2 && tokens.get(k).is("of")) {
          k += 2; // "Secretary of State Marco Rubio"
        }
      }
      if (k != s) {
        resolveAfterTitle(k, e, personCue);
        return;
      }
      classify(s, e, personCue);
    }

    /**
     * "US Federal Reserve": a known place or organisation qualifying another known name is two
     * mentions; a name the gazetteer knows whole ("UN Security Council") never reaches here.
     */
    boolean splitKnownQualifier(int s, int e) {
      if (tokens.get(s).text().equalsIgnoreCase("the") && e - s > 1) {
        Gazetteer.Entry rest = lookup(s + 1, e);
        if (rest != null) {
          emitWithAcronym(s + 1, e, rest.canonical(), rest.type()); // "The UN Security Council"
          return true;
        }
        s++;
      }
      for (int k = s + 1; k < e; k++) {
        if (!tokens.get(k).word() || isConnector(tokens.get(k))) {
          continue;
        }
        Gazetteer.Entry left = lookup(s, k);
        if (left == null || left.type() != EntityType.PLACE && left.type() != EntityType.ORGANIZATION) {
          continue;
        }
        Gazetteer.Entry right = lookup(k, e);
        if (right != null) {
          emit(s, k, left.canonical(), left.type());
          emitWithAcronym(k, e, right.canonical(), right.type());
          return true;
        }
      }
      return false;
    }

    /**
     * "U.S. Treasury", "U.S. SENATE": an alias that is a country's initialism before a name the
     * gazetteer knows without it is two mentions, the country and the institution, as "US Federal
     * Reserve" is when neither is an alias.
     */
    boolean splitQualifiedAlias(int s, int e, Gazetteer.Entry whole) {
      Token t = tokens.get(s);
      if (e - s < 2 || whole.type() == EntityType.PLACE || !t.allUpper() || t.text().replace(".", "").length() > 3) {
        return false;
      }
      Gazetteer.Entry place = lookup(s, s + 1);
      Gazetteer.Entry rest = lookup(s + 1, e);
      if (place == null || place.type() != EntityType.PLACE || rest == null || !rest.canonical().equals(whole.canonical())) {
        return false;
      }
      emit(s, s + 1, place.canonical(), place.type());
      emitWithAcronym(s + 1, e, whole.canonical(), whole.type());
      return true;
    }

    /**
     * "U.S. Agriculture Department", "U.K. Companies": a country's initialism opening an unknown
     * span qualifies what follows (wire copy even capitalises the next word, as after a full stop).
     * The place is one mention and the rest is judged alone.
     */
    boolean splitPlaceInitialism(int s, int e) {
      // "a Detroit U.S. District Court": a dotted country initialism inside a span starts a new one.
      for (int k = s + 1; k < e - 1; k++) {
        Token m = tokens.get(k);
        if (m.allUpper() && m.text().indexOf('.') > 0 && m.text().replace(".", "").length() <= 3) {
          Gazetteer.Entry place = lookup(k, k + 1);
          if (place != null && place.type() == EntityType.PLACE) {
            resolveSpan(s, k);
            resolveSpan(k, e);
            return true;
          }
        }
      }
      Token t = tokens.get(s);
      if (e - s < 2 || !t.allUpper() || t.text().replace(".", "").length() > 3) {
        return false;
      }
      Gazetteer.Entry place = lookup(s, s + 1);
      if (place == null || place.type() != EntityType.PLACE || isConnector(tokens.get(s + 1))) {
        return false;
      }
      emit(s, s + 1, place.canonical(), place.type());
      int rest = s + 1;
      if (e - rest == 1 && !tokens.get(rest).allUpper()) {
        // One word after it ("U.S. Tariffs") is a name only if the article has it as one elsewhere.
        String key = key(rest, e);
        Ref ref = registry.get(key);
        Gazetteer.Entry known = lookup(rest, e);
        if (ref != null || known != null) {
          deferred.add(new int[] {rest, e, 0});
        }
        return true;
      }
      resolveSpan(rest, e);
      return true;
    }

    /**
     * "Bank of Japan Governor Satoshi Sumita", "Unisys Chairman Jo Reyes": a title inside a span
     * parts the qualifier before it from the person after it; each is resolved alone.
     */
    boolean splitAtTitle(int s, int e) {
      for (int m = s + 1; m < e - 1; m++) {
        if (!Lexicon.TITLE_HEADS.contains(low(m)) || !nameShaped(m + 1, e) || isConnector(tokens.get(m + 1))) {
          continue;
        }
        int last = m;
        for (int k = m + 1; k < e - 1; k++) {
          if (Lexicon.TITLE_HEADS.contains(low(k)) && nameShaped(k + 1, e)) {
            last = k;
          }
        }
        // The words before the title, less the title's own words ("Foreign", "Finance") and demonyms.
        int q = m;
        while (q > s && (Lexicon.PERSON_TITLES.contains(low(q - 1)) || isDemonym(q - 1))) {
          q--;
        }
        if (q == s || !hasOrgOrPlace(s, q)) {
          return false; // "Transport Secretary Heidi Alexander": handled as a title before a name
        }
        resolveSpan(s, q);
        resolveAfterTitle(last + 1, e, true);
        return true;
      }
      return false;
    }

    /** The span names an organisation or place by itself: known, or with an organisation's or place's last word. */
    boolean hasOrgOrPlace(int s, int e) {
      Gazetteer.Entry known = lookup(s, e);
      if (known != null) {
        return known.type() == EntityType.ORGANIZATION || known.type() == EntityType.PLACE;
      }
      return headType(e) != null || registry.containsKey(key(s, e));
    }

    /** "Independent Electoral and Boundaries Commission" is one name; "Russia and China Daily" is not. */
    boolean oneOrganisation(int s, int and, int e) {
      return headType(e) == EntityType.ORGANIZATION && lookup(s, and) == null && headType(and) == null;
    }

    /** A place cue before token s: "in X", "the state of X", or "X" coordinated with a place just named. */
    boolean placeCue(int s) {
      if (s == 0) {
        return false;
      }
      Token before = tokens.get(s - 1);
      if (before.word() && Lexicon.PLACE_PREPOSITIONS.contains(before.text())) {
        return true;
      }
      if (before.is("of") && s >= 2 && Lexicon.PLACE_HEADS.contains(low(s - 2))) {
        return true;
      }
      if ((before.is("and") || before.is("or") || before.is(",")) && s >= 2) {
        int prevEnd = tokens.get(s - 2).end();
        for (int m = mentions.size() - 1; m >= 0 && m >= mentions.size() - 4; m--) {
          Mention x = mentions.get(m);
          if (x.end() == prevEnd || x.end() == tokens.get(s - 2).start() + tokens.get(s - 2).text().length()) {
            return x.type() == EntityType.PLACE;
          }
        }
      }
      return false;
    }

    void resolveAfterTitle(int s, int e, boolean personCue) {
      if (s >= e) {
        return;
      }
      Gazetteer.Entry known = lookup(s, e);
      if (known != null) {
        emitWithAcronym(s, e, known.canonical(), known.type());
        return;
      }
      classify(s, e, personCue);
    }

    void classify(int s, int e, boolean personCue) {
      int words = 0;
      for (int i = s; i < e; i++) {
        if (tokens.get(i).word()) {
          words++;
        }
      }
      if (Lexicon.TITLE_HEADS.contains(low(e - 1))) {
        return; // "Transport Secretary", "Prime Minister": a title with no name after it
      }
      if (words == 1 && isDemonym(s) || words > 1 && isDemonym(e - 1) && !personCue) {
        return; // "Russian", "North Korean": adjectives, not names
      }
      EntityType head = headType(e);
      if (head != null) {
        emitWithAcronym(s, e, surface(s, e), head);
        return;
      }
      // Clubs and storms are shaped like people's names: "Brackley United", "Hurricane Delvina" (issue 15, item 5).
      if (words >= 2 && (Lexicon.CLUB_HEADS.contains(low(e - 1)) || Lexicon.CLUB_FIRST_WORDS.contains(low(s)))) {
        emitWithAcronym(s, e, surface(s, e), EntityType.ORGANIZATION);
        return;
      }
      if (words >= 2 && Lexicon.STORM_FIRST_WORDS.contains(low(s))) {
        emitWithAcronym(s, e, surface(s, e), EntityType.OTHER);
        return;
      }
      if (words >= 2 && Lexicon.OTHER_HEADS.contains(low(e - 1))) {
        emitWithAcronym(s, e, surface(s, e), EntityType.OTHER); // "Davis Cup", "Online Safety Act"
        return;
      }
      if (words >= 2 && !personCue && numbered(e - 1) && !Lexicon.FIRST_NAMES.contains(tokens.get(s).text())) {
        emitWithAcronym(s, e, surface(s, e), EntityType.OTHER); // "Artemis II", "Falcon 9"; not "Elizabeth II"
        return;
      }
      if (words >= 2 && Lexicon.PLACE_FIRST_WORDS.contains(low(s))) {
        emitWithAcronym(s, e, surface(s, e), EntityType.PLACE); // "Cape Canaveral", "Mount Kenya", "Lake Chad"
        return;
      }
      if (orgCue(s)) {
        emitWithAcronym(s, e, surface(s, e), EntityType.ORGANIZATION); // "software firm Tata", "a company called Akamai"
        return;
      }
      Token after = e < tokens.size() ? tokens.get(e) : null;
      boolean speech = after != null && after.word() && Lexicon.SPEECH_VERBS.contains(after.text());
      if (words == 1) {
        deferred.add(new int[] {s, e, personCue || speech ? 1 : 0});
        return;
      }
      if (personCue || speech && words <= 4 || Lexicon.FIRST_NAMES.contains(tokens.get(s).text()) && words <= 4) {
        emitWithAcronym(s, e, surface(s, e), EntityType.PERSON);
        return;
      }
      if (placeCue(s) && words <= 3) {
        emitWithAcronym(s, e, surface(s, e), EntityType.PLACE);
        return;
      }
      if (words <= 3 && !allUpper(s, e) && nameShaped(s, e)) {
        // "International Space Station" is shaped like a name but no person is called "International".
        emitWithAcronym(s, e, surface(s, e), notPersonWords(s, e) ? EntityType.OTHER : EntityType.PERSON);
        return;
      }
      // Known names inside an unknown span: "Moscow Kremlin" style runs.
      int before0 = mentions.size();
      knownOnly(s, e);
      if (mentions.size() == before0 && keepUntyped) {
        emitWithAcronym(s, e, surface(s, e), EntityType.OTHER);
      }
    }

    /** A number or a Roman numeral from II to XXXIX: the last word of "Apollo 11" or "Artemis II". */
    boolean numbered(int i) {
      String w = tokens.get(i).text();
      return w.chars().allMatch(Character::isDigit) || w.length() >= 2 && ROMAN.matcher(w).matches();
    }

    boolean notPersonWords(int s, int e) {
      for (int i = s; i < e; i++) {
        if (Lexicon.NOT_IN_PERSON_NAMES.contains(low(i))) {
          return true;
        }
      }
      return false;
    }

    boolean nameShaped(int s, int e) {
      for (int i = s; i < e; i++) {
        Token t = tokens.get(i);
        if (t.word() && !isConnector(t) && (t.text().length() < 2 || !t.capitalised() || Character.isDigit(t.text().charAt(0)))) {
          return false;
        }
      }
      return true;
    }

    void resolveShort(int s, int e, boolean personHint) {
      String key = key(s, e);
      Ref ref = registry.get(key);
      if (ref != null) {
        emit(s, e, ref.canonical(), ref.type());
        return;
      }
      Gazetteer.Entry known = lookup(s, e);
      if (known != null) {
        emit(s, e, known.canonical(), known.type());
        return;
      }
      Token t = tokens.get(s);
      if (e < tokens.size() && tokens.get(e).is("party")) {
        emit(s, e, t.text() + " Party", EntityType.ORGANIZATION); // "the opposition Tisza party"
        return;
      }
      int len = t.text().replace(".", "").length();
      if (orgCue(s)) {
        emit(s, e, t.text(), EntityType.ORGANIZATION);
      } else if (t.allUpper() && len >= 2 && len <= 6 && !Lexicon.NON_ENTITY_ACRONYMS.contains(t.text())) {
        emit(s, e, t.text(), EntityType.ORGANIZATION);
      } else if (itsAfterVerb(e) || !personHint && ctx.evidenceAtStarts(t.text()) >= 2) {
        emit(s, e, t.text(), EntityType.ORGANIZATION); // "Kestrix said its", "Kestrix’s plant ... Kestrix has bet" (issue 16)
      } else if (personHint) {
        emit(s, e, t.text(), EntityType.PERSON);
      } else if (placeCue(s)) {
        emit(s, e, t.text(), EntityType.PLACE);
      } else if (keepUntyped) {
        emit(s, e, t.text(), EntityType.OTHER);
      }
    }

    /** A lower-case noun of companies right before s ("firm", "carmaker"), or "a company called". */
    boolean orgCue(int s) {
      if (s == 0 || !tokens.get(s - 1).word()) {
        return false;
      }
      Token before = tokens.get(s - 1);
      if (Character.isLowerCase(before.text().charAt(0)) && Lexicon.ORG_CUES.contains(before.text())) {
        return true;
      }
      return before.is("called") && s >= 2 && tokens.get(s - 2).word()
          && Lexicon.ORG_CUES.contains(tokens.get(s - 2).text());
    }

    /** "Xerox Corp" -> "Xerox", "Phoenix Canada Oil Co Ltd" -> "Phoenix Canada Oil"; "Gabelli and Co" stays. */
    String withoutLegalForm(String name) {
      if (gazetteer.findKey(NameKey.of(name), false) != null) {
        return name;
      }
      String[] w = SPACES.split(name.strip());
      int n = w.length;
      while (n > 1 && Lexicon.LEGAL_FORMS.contains(stripTrailing(w[n - 1]).toLowerCase(Locale.ROOT))
          && !Lexicon.CONNECTORS.contains(w[n - 2]) && !w[n - 2].equals("&")) {
        n--;
      }
      if (n == w.length) {
        return name;
      }
      String out = String.join(" ", java.util.Arrays.copyOf(w, n));
      return out.endsWith(",") ? out.substring(0, out.length() - 1) : out;
    }

    /** "X said its ...": a verb and then "its" after a name make it a company, not a person. */
    boolean itsAfterVerb(int e) {
      return e + 1 < tokens.size() && tokens.get(e).word() && tokens.get(e + 1).is("its")
          && (Lexicon.SPEECH_VERBS.contains(tokens.get(e).text()) || Lexicon.NAME_VERBS.contains(tokens.get(e).text()));
    }

    void emitWithAcronym(int s, int e, String canonical, EntityType type) {
      emit(s, e, canonical, type);
      // "Joint Chiefs of Staff (JCS)": the parenthesised acronym becomes an alias.
      if (e + 2 < tokens.size() && tokens.get(e).is("(") && tokens.get(e + 2).is(")")) {
        Token acr = tokens.get(e + 1);
        if (acr.word() && acr.allUpper() && acr.text().length() <= 8) {
          Ref ref = new Ref(canonical, type);
          registry.put(NameKey.of(acr.text()), ref);
        }
      }
    }

    EntityType headType(int e) {
      String last = low(e - 1);
      if (Lexicon.ORG_HEADS.contains(last)) {
        return EntityType.ORGANIZATION;
      }
      if (Lexicon.PLACE_HEADS.contains(last)) {
        return EntityType.PLACE;
      }
      return null;
    }

    boolean isDemonym(int i) {
      Token t = tokens.get(i);
      String w = t.text().toLowerCase(Locale.ROOT);
      if (Lexicon.DEMONYMS.contains(w)) {
        return true;
      }
      if (gazetteer.findKey(NameKey.of(w), false) != null) {
        return false;
      }
      // "Korean" after "North": the stem is looked up with the words before it.
      String prefix = "";
      if (i > 0 && tokens.get(i - 1).word() && tokens.get(i - 1).capitalised() && !tokens.get(i - 1).sentenceStart()
          || i > 0 && tokens.get(i - 1).word() && tokens.get(i - 1).capitalised()) {
        prefix = NameKey.of(tokens.get(i - 1).text()) + " ";
      }
      for (String suffix : Lexicon.DEMONYM_SUFFIXES) {
        if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
          String stem = NameKey.of(w.substring(0, w.length() - suffix.length()));
          for (String end : STEM_ENDINGS) {
            if (isPlace(stem + end) || !prefix.isEmpty() && isPlace(prefix + stem + end)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    boolean isPlace(String key) {
      Gazetteer.Entry e = gazetteer.findKey(key, false);
      return e != null && e.type() == EntityType.PLACE;
    }
  }

  private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("X{0,3}(IX|IV|V?I{0,3})");

  private static final String[] STEM_ENDINGS = {"", "a", "ia", "e", "y", "o", "any", "land"};

  /** "LORAIN" -> "Lorain", "ST. PAUL" -> "St. Paul", "N'DJAMENA" -> "N'djamena". */
  static String titleCase(String caps) {
    StringBuilder sb = new StringBuilder(caps.length());
    boolean start = true;
    for (int i = 0; i < caps.length(); i++) {
      char c = caps.charAt(i);
      sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == ' ' || c == '-';
    }
    return sb.toString();
  }

  private static String stripTrailing(String w) {
    return w.replace(".", "").replace(",", "");
  }

  /** The text this extractor reads: headline, blank line, lead and body, at most {@link #MAX_CHARS}. */
  static String analysedText(Article article) {
    String headline = article.headline();
    String body = article.text();
    String text = headline.isEmpty() ? body : body.isEmpty() ? headline : headline + "\n\n" + body;
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  @Override
  public List<Mention> mentions(Article article) {
    String text = analysedText(article);
    int headlineEnd = article.headline().isEmpty() || article.text().isEmpty() ? 0 : article.headline().length();
    if (article.text().isEmpty()) {
      headlineEnd = text.length(); // a headline alone: known names only
    }
    // The rules read English capitalisation: in German every noun is capitalised, and its sentences
    // came out as people (issue 15, item 5). Other languages get no extracted entities.
    String language = article.language();
    if (language != null && !language.isBlank() && !language.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
      return List.of();
    }
    Run run = new Run(text);
    if (!Lexicon.looksEnglish(run.ctx.lowers)) {
      return List.of();
    }
    return run.run(headlineEnd);
  }
}
