package dev.regconform.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code regconform completion}: picocli's generated bash completion script (zsh reads it through bashcompinit), for
 * every command and option of the command line as it is.
 */
@Command(name = "completion", versionProvider = ToolVersion.class,
    description = {
        "Prints a bash completion script for regconform: its commands, and the options of each.",
        "zsh reads it too, after 'autoload -U +X bashcompinit && bashcompinit'. It completes",
        "'regconform' on the PATH and './regconform' alike."},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {"0:The script was printed.", "2:Bad arguments (one line on stderr, 'regconform: ...')."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  source <(./regconform completion)                        # this shell",
        "  ./regconform completion > ~/.regconform-completion.bash  # every new one:",
        "  echo 'source ~/.regconform-completion.bash' >> ~/.bashrc"})
public final class CompletionCommand extends AutoComplete.GenerateCompletion {
}
