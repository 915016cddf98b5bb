package dev.regconform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regconform bench}: benchmarks of the toolkit's own client against a registry; see its subcommands. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
    description = "Benchmarks of the toolkit's own client against a registry.",
    subcommands = {BenchBlobCommand.class},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {"0:bench blob: measured.", "1:bench blob: the registry refused a step or served other bytes.",
        UsageText.COULD_NOT_RUN, UsageText.SIGINT, UsageText.SIGTERM},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  ./regconform bench blob --target http://127.0.0.1:5000 --size 1GiB",
        "  ./regconform bench blob --help"})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: try 'regconform bench blob --help'");
  }
}
