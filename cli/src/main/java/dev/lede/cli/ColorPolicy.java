package dev.lede.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Whether to colour output: {@code --color always|never|auto}; auto means colour only on a terminal,
 * and never when {@code NO_COLOR} is set (to anything) or {@code TERM=dumb}. JSON, CSV and TREC
 * output are never coloured, whatever this says.
 */
public final class ColorPolicy {
  /** The user's choice. */
  public enum Choice {
    AUTO,
    ALWAYS,
    NEVER;

    static Choice parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  private ColorPolicy() {}

  /** Whether to colour, given the choice, the environment and whether stdout is a terminal. */
  public static boolean enabled(Choice choice, Map<String, String> env, boolean terminal) {
    return switch (choice) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    };
  }

  /** Whether stdout is an interactive terminal. */
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console is a terminal
    }
  }
}
