package dev.regconform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regconform}: the command line. Exit status: 0 no failed check, 1 a check failed, 2 could not run. */
@Command(name = "regconform", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
    description = "Conformance and test automation for OCI / Docker container registries.",
    subcommands = {RunCommand.class, BenchCommand.class, LoadCommand.class, CommandLine.HelpCommand.class})
public final class RegconformCommand implements Runnable {
  /** Exit status when the run could not happen: bad arguments, unreachable target, internal error. */
  public static final int COULD_NOT_RUN = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'regconform run --help'");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line without exiting the JVM; returns the exit status. */
  public static int execute(String... args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      // Keep stdout for check lines: fixtures (Testcontainers) log warnings only, to stderr.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
      // When no engine answers, the skip line says so; Testcontainers' multi-line report of every
      // strategy it tried, and its banner about Ryuk being disabled, would only bury the check lines.
      System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers.dockerclient", "off");
      System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers.DockerClientFactory", "off");
      System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers.utility.ResourceReaper", "error");
    }
    return commandLine().execute(args);
  }

  /**
   * The command line with its handlers: input it cannot parse (an unknown option, a missing or malformed value) and
   * an unexpected exception each end with exit status 2 and one line on stderr, {@code regconform: …}.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RegconformCommand());
    cli.setExitCodeExceptionMapper(e -> COULD_NOT_RUN);
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine command = e.getCommandLine();
      command.getErr().println("regconform: " + oneLine(e.getMessage()) + " (see '"
          + command.getCommandSpec().qualifiedName() + " --help')");
      return COULD_NOT_RUN;
    });
    cli.setExecutionExceptionHandler((e, command, parseResult) -> {
      command.getErr().println("regconform: internal error: " + oneLine(String.valueOf(e.getMessage()))
          + " (" + e.getClass().getSimpleName().replace("Exception", "") + ")");
      return COULD_NOT_RUN;
    });
    return cli;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
