package dev.lede.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The words of a free-text argument (a query, a text to analyse), where {@code -word} is a word.
 *
 * <p>The query syntax excludes a word with a leading minus ({@code lede search rail -strike}), so
 * the commands that take a query let picocli pass words it does not know as options through as
 * query words ({@link #acceptMinusWords}). That alone would turn a mistyped option into a query word
 * too, silently; {@link #text} puts the errors back: a word starting with {@code --}, or a
 * single-dash spelling of a long option ({@code -limit}), is an unknown option unless it came after
 * {@code --}, the usual end of options.
 */
final class QueryWords {
  /** The commands whose positional words are free text. */
  static final List<String> COMMANDS = List.of("search", "entities", "analyze");

  private QueryWords() {}

  /** Lets a command take {@code -word} as a query word. */
  static void acceptMinusWords(CommandLine command) {
    command.setUnmatchedOptionsArePositionalParams(true);
  }

  static boolean takesMinusWords(CommandLine command) {
    return command.getCommandSpec().parser().unmatchedOptionsArePositionalParams();
  }

  /**
   * Whether a free-text command was given a lone {@code -h} before any {@code --}. Such a command
   * has no {@code -h} option in picocli's model (see LedeCli), so the word arrives as a query word.
   */
  static boolean helpAsked(CommandLine command) {
    if (!takesMinusWords(command)) {
      return false;
    }
    CommandLine.ParseResult parsed = command.getParseResult();
    if (parsed == null) {
      return false;
    }
    List<String> args = parsed.originalArgs();
    int end = args.indexOf("--");
    List<String> words = new ArrayList<>();
    parsed.matchedPositionals().forEach(p -> words.addAll(p.originalStringValues()));
    int literal = end < 0 ? 0 : args.size() - end - 1;
    return words.subList(0, Math.max(0, words.size() - literal)).contains("-h");
  }

  /** The words joined with spaces, after refusing those that are mistyped options. */
  static String text(CommandSpec spec, List<String> words) {
    int literal = wordsAfterDoubleDash(spec);
    for (int i = 0; i < words.size() - literal; i++) {
      String w = words.get(i);
      String suggestion = optionLike(spec, w);
      if (suggestion != null) {
        throw new UnknownOption(spec.commandLine(), w, suggestion);
      }
    }
    return String.join(" ", words);
  }

  /** How many arguments follow the first {@code --}: picocli hands all of them to the positional words. */
  private static int wordsAfterDoubleDash(CommandSpec spec) {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    List<String> args = parsed == null ? List.of() : parsed.originalArgs();
    int at = args.indexOf("--");
    return at < 0 ? 0 : args.size() - at - 1;
  }

  /**
   * For a word that can only be a mistyped option, the options it may have meant ("" when none is
   * close); null for a query word. A word starting with {@code --} is never a query word; one
   * starting with a single dash is, unless it spells a long option of this command.
   */
  private static String optionLike(CommandSpec spec, String word) {
    if (word.length() < 2 || word.charAt(0) != '-') {
      return null;
    }
    boolean doubleDash = word.startsWith("--");
    String bare = word.replaceFirst("^-+", "");
    int eq = bare.indexOf('=');
    if (eq >= 0) {
      bare = bare.substring(0, eq);
    }
    bare = bare.toLowerCase(Locale.ROOT);
    List<String> exact = new ArrayList<>();
    List<String> close = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      String name = o.longestName();
      String optionBare = name.replaceFirst("^-+", "");
      if (optionBare.equals(bare)) {
        exact.add(name);
      } else if (bare.length() >= 2 && optionBare.startsWith(bare.substring(0, 2))) {
        close.add(name);
      }
    }
    if (!exact.isEmpty()) {
      return exact.get(0);
    }
    if (!doubleDash) {
      return null;
    }
    return String.join(" or ", close.subList(0, Math.min(3, close.size())));
  }

  /** An unknown option among the words: one line, with the options it may have meant. */
  static final class UnknownOption extends CommandLine.ParameterException {
    private static final long serialVersionUID = 1L;
    private final String suggestion;

    UnknownOption(CommandLine command, String word, String suggestion) {
      super(command, "Unknown option: '" + word + "'"
          + (word.startsWith("--") ? "" : " (to exclude a word that is also an option's name, put it after --)"));
      this.suggestion = suggestion;
    }

    /** The options it may have meant, joined with " or ", or empty. */
    String suggestion() {
      return suggestion;
    }
  }
}
