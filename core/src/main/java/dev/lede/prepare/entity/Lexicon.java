package dev.lede.prepare.entity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The word lists the recogniser reasons with: titles, name particles, heads of organisation and place names. */
final class Lexicon {
  private Lexicon() {}

  private static Set<String> words(String s) {
    return Set.copyOf(new HashSet<>(Arrays.asList(s.trim().split("\\s+"))));
  }

  private static Set<String> lower(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.trim().split("\\s+")) {
      out.add(w.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** Lower-case words that may sit inside a name between capitalised words: "Bank of England", "Osama bin Laden". */
  static final Set<String> CONNECTORS = words("of the for and de da del della di du von van der den bin ibn al el la le y on &");

  /**
   * Capitalised words that are not names by themselves, mostly sentence openers (lower-cased). A
   * span never starts or ends with one.
   */
  static final Set<String> COMMON =
      lower(
          """
          a an the this that these those there here it its it's he she they we i you his her hers their theirs our
          ours my your yours him them us me one two three four five six seven eight nine ten first second third last
          next new old in on at by for from to of with without within into onto upon about above below after before
          during since until till while when where what which who whom whose why how if as but and or nor so yet
          also although though because however meanwhile moreover furthermore nevertheless nonetheless still even
          only just all any some many most more much several few each every both either neither no not none nothing
          now then today tomorrow yesterday tonight recently recent earlier later finally instead despite according
          among amid amidst between against across along around behind beyond near over under through throughout
          toward towards via per than like unlike such other others another same own do does did done be been being
          is are was were will would shall should can could may might must have has had let lets get gets got make
          made say says said tell told ask asked yes well please thank thanks dear hello oh sure maybe perhaps
          indeed therefore thus hence otherwise overall already again always never often sometimes usually once
          twice whether whatever whenever wherever whoever notably additionally similarly likewise consequently
          ultimately initially currently previously subsequently approximately nearly almost about roughly around
          reports report officials official sources source experts analysts critics people many residents
          government police troops soldiers forces staff president prime minister leader leaders state states
          monday tuesday wednesday thursday friday saturday sunday january february march april may june july
          august september october november december spring summer autumn fall winter christmas easter
          mr mrs ms dr sir madam lord lady chapter section page figure table photo image video watch read listen
          click share follow subscribe advertisement related more latest breaking update updated live exclusive
          analysis opinion comment editorial news story stories summary conclusion introduction background
          original leave reply email name website required fields marked comments post posted
          it's i'm we're they're don't can't won't isn't aren't wasn't weren't didn't doesn't haven't hasn't
          what's that's there's here's who's let's he's she's
          ceo cfo gdp tv ai ok pm am bc ad
          """);

  /** Sentence-initial words that are never names even if never seen in lower case. */
  static boolean isCommon(String word) {
    return COMMON.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Title words that precede a person's name; a name after one is a person. Lower-cased, dots removed. */
  static final Set<String> PERSON_TITLES =
      lower(
          """
          mr mrs ms miss dr sir dame lord lady president vice-president premier chancellor minister secretary senator
          sen rep representative congressman congresswoman governor gov mayor general gen lieutenant lt colonel col
          major maj captain capt sergeant sgt admiral adm commander cmdr marshal judge justice king queen prince
          princess sheikh emir ayatollah imam rabbi pope cardinal archbishop bishop reverend rev father professor prof
          chairman chairwoman chair speaker ambassador envoy commissioner director ceo spokesman spokeswoman
          spokesperson candidate coach dictator leader chief deputy foreign defence defense finance home interior
          justice health trade economy economic prime crown supreme former late acting
          """);

  /** The last word of a title phrase: after "Prime Minister" or "Defence Secretary" comes a name. */
  static final Set<String> TITLE_HEADS =
      lower(
          """
          mr mrs ms miss dr sir dame president vice-president premier chancellor minister secretary senator sen rep
          representative congressman congresswoman governor gov mayor general gen lieutenant lt colonel col major
          maj captain capt sergeant sgt admiral adm commander cmdr marshal judge justice king queen prince princess
          sheikh emir ayatollah imam rabbi pope cardinal archbishop bishop reverend rev professor prof chairman
          chairwoman chair speaker ambassador envoy commissioner director ceo spokesman spokeswoman spokesperson
          dictator leader chief executive founder boss
          """);

  /** Last words that make a name an organisation. */
  static final Set<String> ORG_HEADS =
      lower(
          """
          ministry ministries party bank council agency agencies inc inc. corp corp. corporation co co. ltd ltd. llc
          plc gmbh ag sa university college school institute institution committee commission staff group company
          companies association federation union league foundation fund trust court courts army navy air force forces
          police guard guards corps command department office service services authority board bureau cabinet
          government administration parliament assembly congress senate network news times post journal herald
          telegraph tribune gazette press media broadcasting airlines airways motors holdings industries
          technologies systems labs laboratories partners capital securities exchange reserve organization
          organisation alliance coalition movement front brigade brigades battalion regiment division club fc
          church mosque hospital centre center museum studio studios records entertainment pharmaceuticals energy
          oil petroleum electric telecom communications airline rail railway railways tribunal secretariat directorate
          """);

  /** Abbreviated legal forms that end a company's name and stay out of its canonical name: "Xerox Corp" is Xerox. */
  static final Set<String> LEGAL_FORMS = lower("inc corp co cos ltd plc llc lp gmbh ag sa spa nv bv pty bhd");

  /** Lower-case nouns right before a name that make it an organisation: "software firm Tata", "carmaker Toyota". */
  static final Set<String> ORG_CUES =
      lower(
          """
          firm company companies group maker carmaker automaker chipmaker retailer lender insurer airline carrier
          manufacturer vendor producer provider developer operator chain conglomerate startup start-up brand
          label publisher broadcaster subsidiary unit rival specialist supplier distributor brokerage
          """);

  /** Last words that make a name a place. */
  static final Set<String> PLACE_HEADS =
      lower(
          """
          city county province state region oblast district island islands river mountains mountain valley street
          square avenue road airport port harbour harbor bay sea ocean lake coast peninsula strait gulf desert
          village town prefecture territory territories republic kingdom emirate park bridge canal heights hills
          plateau basin delta
          """);

  /** Heads that an "of" may follow inside a name: "Bank of England", "University of Tokyo", "Republic of Korea". */
  static final Set<String> OF_HEADS;

  static {
    Set<String> s = new HashSet<>(ORG_HEADS);
    s.addAll(PLACE_HEADS);
    s.addAll(lower("chiefs house houses secretary minister department league isle cape gulf bay sea duke prince king queen"));
    OF_HEADS = Set.copyOf(s);
  }

  /** Plural nouns whose possessive sits inside an organisation's name: "Children's Fund", "Workers' Party". */
  static final Set<String> POSSESSIVE_IN_NAME = lower("children people peoples workers women men veterans nations farmers teachers");

  /** Last words that make a name of two or more words an event, a law or a prize (type OTHER). */
  static final Set<String> OTHER_HEADS =
      lower(
          """
          cup olympics paralympics championship championships tournament festival expo marathon grand prix
          act treaty accord accords protocol convention award awards prize
          """);

  /** Capitalised words that occur in names of things but not in people's names. */
  static final Set<String> NOT_IN_PERSON_NAMES =
      lower(
          """
          international national global world united federal royal central european space station project
          programme program operation mission initiative plan summit conference
          """);

  /**
   * Last words of football and other sports clubs: "Brackley United", "Dunmore Rovers". Shaped like a
   * first and a last name, clubs were typed as people (issue 15, item 5). "City" stays a place head:
   * "Mexico City" is the likelier reading.
   */
  static final Set<String> CLUB_HEADS = lower("united rovers wanderers athletic albion hotspur rangers");

  /** First words of a club's name: "FC Varnow". */
  static final Set<String> CLUB_FIRST_WORDS = lower("fc afc");

  /** First words that make a name a storm, typed OTHER: "Hurricane Delvina" is no person. */
  static final Set<String> STORM_FIRST_WORDS = lower("hurricane storm typhoon cyclone tropical");

  /**
   * Words of dates that {@link #COMMON} lacks: month and weekday abbreviations and the words that
   * qualify a month ("Early April", "Mid-March"). None of them starts or ends a name, so "in Sept"
   * is no place (issue 15, item 5).
   */
  static final Set<String> DATE_WORDS =
      lower("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun early mid late");

  /** Whether a word (lower case, dots removed) is a date word, or a hyphenated run of them ("mid-march"). */
  static boolean isDateWord(String lower) {
    if (DATE_WORDS.contains(lower)) {
      return true;
    }
    if (lower.indexOf('-') < 0) {
      return false;
    }
    for (String part : lower.split("-")) {
      if (!DATE_WORDS.contains(part) && !MONTHS.contains(part)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> MONTHS =
      lower("january february march april may june july august september october november december");

  /**
   * Verbs that follow the name of a company or a person at the start of a sentence ("Kestrix has
   * bet", "Kestrix plans"), besides the {@link #SPEECH_VERBS}. Evidence, with a possessive or a
   * repeat, that an unknown word opening sentences is a name (issue 16).
   */
  static final Set<String> NAME_VERBS =
      lower("has had will plans planned wants aims owns makes made sells sold opened announced reported expects expected employs hired bought agreed");

  /**
   * Frequent English function words that are not also frequent words of German, French, Spanish,
   * Italian or Dutch: the share of them tells English text from other languages (see {@link
   * #looksEnglish}).
   */
  static final Set<String> ENGLISH_FUNCTION_WORDS =
      lower("the of and to is that for it with as on be at by this have from or are but not they which you were has been their would he she his her its who said there");

  /**
   * Frequent function words of German, French, Spanish, Italian, Portuguese and Dutch that are not
   * English words: evidence that a text is in one of those languages.
   */
  static final Set<String> OTHER_FUNCTION_WORDS =
      lower(
          """
          der die das und ist nicht mit für auf dem den des ein eine einer sich zu von im auch wird sind wurde
          le la les et est des une dans pour que qui pas sur au aux du ce cette sont ont avec
          el los las y es del por con para una se lo al su como más pero fue
          il di che della non sono gli nel alla anche
          os da em uma não mais foi com
          het een en niet voor zijn ook wordt op
          """);

  /** Both lists in one map: true for an English function word, false for another language's. */
  private static final Map<String, Boolean> FUNCTION_WORDS = functionWords();

  private static Map<String, Boolean> functionWords() {
    Map<String, Boolean> m = new HashMap<>();
    OTHER_FUNCTION_WORDS.forEach(w -> m.put(w, Boolean.FALSE));
    ENGLISH_FUNCTION_WORDS.forEach(w -> m.put(w, Boolean.TRUE)); // English wins, as it was checked first
    return m; // never changed after this; a HashMap probes faster than an immutable map
  }

  /**
   * Whether a text reads as English. Among the first 400 words, a text is not English when the
   * function words of other languages are at least 8 % of its words and outnumber the English ones
   * (English news runs at 30-45 % English function words, German at under 3 %). A text with few
   * function words of any language (a table of figures, a list of names) counts as English. Reads
   * the tokens' lower-case forms (null for punctuation), computed once per text.
   */
  static boolean looksEnglish(String[] lowers) {
    int words = 0;
    int english = 0;
    int other = 0;
    for (String w : lowers) {
      if (w == null) {
        continue;
      }
      words++;
      Boolean isEnglish = FUNCTION_WORDS.get(w); // one lookup for both lists
      if (isEnglish == Boolean.TRUE) {
        english++;
      } else if (isEnglish == Boolean.FALSE) {
        other++;
      }
      if (words == 400) {
        break;
      }
    }
    return other * 100 < words * 8 || other <= english;
  }

  /** First words that make a name of two or more words a place: "Cape Canaveral", "Mount Kenya". */
  static final Set<String> PLACE_FIRST_WORDS = lower("cape mount mt lake isle fort port gulf");

  /** Words after a number that make it a quantity, not part of a name: "Brent 3 per cent". */
  static final Set<String> NUMBER_UNITS =
      lower("per percent pc million billion trillion bn m times points point years year days day hours minutes");

  /** Lower-case words before a name that mark it as a place. */
  static final Set<String> PLACE_PREPOSITIONS = lower("in near across outside throughout inside northern southern eastern western central");

  /** Verbs after a name that mark it as a person: "Smith said". */
  static final Set<String> SPEECH_VERBS =
      lower("said says told tells added adds wrote writes argued argues insisted warned warns explained noted claimed claims believes thinks");

  /** Capitalised acronyms that are not entities. */
  static final Set<String> NON_ENTITY_ACRONYMS =
      words("CEO CFO COO CTO GDP TV AI OK PM AM BC AD PC ID IT PR HR VIP DNA RNA HIV AIDS COVID CO2 GMT UTC EST PST BST NB PS FAQ USD EUR GBP JPY CNY UPDATE LIVE VIDEO PHOTO WATCH NEWS BREAKING EXCLUSIVE I II III IV V VI VII VIII IX X XI XII XIII XIV XV");

  /** Common first names: a capitalised pair starting with one is a person. */
  static final Set<String> FIRST_NAMES =
      words(
          """
          James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
          Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob
          Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank
          Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter
          Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan
          Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene
          Russell Bobby Mason Philip Louis Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen
          Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
          Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen
          Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
          Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline
          Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise
          Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis
          Lori Tom Tony Nick Mike Dave Chris Steve Jim Bob Bill Ben Sam Dan Tim Matt Rob Ed Ted Fred Harry Jon Ian
          Neil Nigel Simon Graham Colin Alistair Gordon Keir Rishi Liz Boris Theresa Angela Olaf Emmanuel Vladimir
          Sergei Sergey Dmitry Alexei Alexey Igor Yuri Mikhail Ivan Nikolai Andrei Volodymyr Oleksandr Petro Viktor
          Jean Pierre Francois Marine Nicolas Jacques Hans Klaus Wolfgang Friedrich Karl Giuseppe Giorgia Matteo
          Mario Pedro Carlos Luis Miguel Javier Jorge Manuel Antonio Francisco Luiz Jair Gustavo Ali Mohammed
          Muhammad Mohamed Ahmed Ahmad Hassan Hussein Omar Abdullah Khalid Ibrahim Yusuf Recep Benjamin Yair Moshe
          Narendra Rahul Amit Imran Nawaz Shehbaz Xi Li Wang Zhang Liu Chen Kim Lee Park Moon Yoon Shinzo Fumio
          Shigeru Yoshihide Kamala Hillary Barack Nancy Mitch Chuck Bernie Elizabeth Ron Nikki Pete Marco Rand Ted
          Elon Jeff Warren Sundar Satya Sam Jensen Tim Mark Sheryl Jerome Janet Christine Ursula Jens Antonio
          """);

  /** Suffixes of demonyms and adjectives of place: "Russian", "Chinese", "British". */
  static final List<String> DEMONYM_SUFFIXES = List.of("ian", "an", "ese", "ish", "i", "ic", "ean", "ern");

  /** Irregular demonyms and adjectives that are never names by themselves. */
  static final Set<String> DEMONYMS =
      lower(
          """
          french dutch swiss greek thai welsh scottish british irish english spanish arab arabic filipino kurdish
          western eastern northern southern soviet european african asian american latino hispanic jewish muslim
          christian catholic protestant sunni shia shiite islamic islamist hindu sikh buddhist communist marxist
          nazi danish swedish finnish polish czech slovak turkish kurd pashtun baloch uyghur uighur tamil
          """);
}
