package dev.lede.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Refuses an option given an empty value, or an empty piece of a comma-separated one: {@code
 * --source ""} is what a script passes when its variable is unset, and {@code --source ,} what it
 * passes when a list is. Neither says what to filter by, so both are usage errors that name the
 * option, rather than an internal error or a filter silently dropped (issue 15, item 7).
 *
 * <p>It runs as each command's picocli preprocessor, before values are converted, so an empty
 * {@code --type} gets this message and not a list of the type names.
 */
final class EmptyValues implements CommandLine.IParameterPreprocessor {
  /** Gives this check to the command and every subcommand. */
  static void install(CommandLine command) {
    command.getCommandSpec().preprocessor(new EmptyValues());
    command.getSubcommands().values().forEach(EmptyValues::install);
  }

  @Override
  public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
    // The stack's top is the next argument: read it front to back, up to this command's end.
    List<String> tokens = new ArrayList<>(args);
    Collections.reverse(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("--") || spec.subcommands().containsKey(token)) {
        break;
      }
      String name = token;
      String value = null;
      int eq = token.indexOf('=');
      if (token.startsWith("-") && eq > 0) {
        name = token.substring(0, eq);
        value = token.substring(eq + 1);
      }
      OptionSpec option = spec.optionsMap().get(name);
      if (option == null || option.arity().max() == 0) {
        continue;
      }
      if (value == null) {
        if (i + 1 >= tokens.size()) {
          break; // picocli reports the missing value
        }
        value = tokens.get(++i);
      }
      if (empty(value, option.splitRegex())) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "empty value for option '" + name + "': '" + value + "' (give a value, or leave the option out)");
      }
    }
    return false;
  }

  private static boolean empty(String value, String split) {
    if (value.isBlank()) {
      return true;
    }
    if (split == null || split.isEmpty()) {
      return false;
    }
    for (String piece : value.split(split, -1)) {
      if (piece.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
