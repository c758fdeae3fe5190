package dev.lede.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lede completion bash|zsh}: a completion script, from picocli's generator. */
@Command(name = "completion", addMethodSubcommands = false, header = "Print a shell completion script: source <(lede completion bash).")
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    BASH,
    ZSH
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("lede", root);
    if (shell == Shell.ZSH) {
      // picocli's script runs under zsh through bash compatibility.
      script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    spec.commandLine().getOut().print(script);
    return ExitCodes.OK;
  }
}
