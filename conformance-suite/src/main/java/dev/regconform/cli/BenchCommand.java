package dev.regconform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regconform bench}: benchmarks of the toolkit's own client against a registry; see its subcommands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the toolkit's own client against a registry.",
    subcommands = {BenchBlobCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: try 'regconform bench blob --help'");
  }
}
