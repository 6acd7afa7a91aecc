package dev.bella.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion",
        description = "Print a shell completion script.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(bella completion bash)", "  bella completion zsh > \"$${fpath[1]}/_bella\""})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec self;

    @Override
    public Integer call() {
        CommandLine root = self.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        String script = AutoComplete.bash("bella", root);
        // picocli's script is bash; zsh runs it through bashcompinit.
        String prefix = shell == Shell.zsh
                ? "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" : "";
        self.commandLine().getOut().print(prefix + script);
        self.commandLine().getOut().flush();
        return ExitCode.OK.code;
    }
}
