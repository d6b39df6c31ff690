package dev.atwatch.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atwatch completion}: a bash completion script for every command and option. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description =
                "Print a bash completion script for atwatch (also read by zsh's bashcompinit).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(atwatch completion)",
            "  atwatch completion > /etc/bash_completion.d/atwatch"
        })
final class CompletionCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("atwatch", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
