package dev.regconform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code regconform}: the command line. Exit status: 0 no failed check, 1 a check failed, 2 could not run, 130/143
 * interrupted; {@code --help} of each command shows its own.
 */
@Command(name = "regconform", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
    description = "Conformance and test automation for OCI / Docker container registries.",
    subcommands = {RunCommand.class, DocsCommand.class, BenchCommand.class, LoadCommand.class,
        CommandLine.HelpCommand.class, CompletionCommand.class},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {
        "0:run: no check failed (warnings allowed); docs: the book was written (whatever the outcomes); "
            + "bench blob: measured; load: no operation failed; "
            + "help, completion, --help, --version: printed.",
        "1:run: a check failed (a MUST; with --strict a warning; with --baseline one it does not list); "
            + "bench blob: the registry refused a step or served other bytes; load: an operation failed.",
        UsageText.COULD_NOT_RUN + " run: also when a check broke and none failed. docs: also when --from is not "
            + "a run's report directory.",
        "130:Interrupted by SIGINT (Ctrl-C); run and load delete what they pushed first (30 s at most).",
        "143:Interrupted by SIGTERM; as for 130."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  ./regconform run                          # the reference registries",
        "  ./regconform run --target http://127.0.0.1:5000",
        "  ./regconform docs --target http://127.0.0.1:5000 --out book",
        "  ./regconform bench blob --target http://127.0.0.1:5000 --size 1GiB",
        "  ./regconform load --target http://127.0.0.1:5000 --duration 30s",
        "  ./regconform help run                     # = ./regconform run --help",
        "  source <(./regconform completion)         # TAB completion in this shell"})
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
    describeHelpCommand(cli.getSubcommands().get("help").getCommandSpec().usageMessage());
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

  /** picocli's own {@code help} command, given the exit statuses and examples every command's help shows. */
  private static void describeHelpCommand(CommandLine.Model.UsageMessageSpec usage) {
    usage.exitCodeListHeading(UsageText.EXIT_STATUS_HEADING)
        .exitCodeList(CommandLine.Model.UsageMessageSpec.keyValuesMap("0:The help was printed.",
            "2:No such command (one line on stderr, 'regconform: ...')."))
        .footerHeading(UsageText.EXAMPLES_HEADING)
        .footer("  ./regconform help                # the commands",
            "  ./regconform help run            # = ./regconform run --help",
            "  ./regconform help docs           # = ./regconform docs --help",
            "  ./regconform help load           # = ./regconform load --help");
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
