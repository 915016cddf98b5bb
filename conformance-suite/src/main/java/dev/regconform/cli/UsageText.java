package dev.regconform.cli;

/**
 * Text the commands' {@code --help} shares: the headings of the exit-status and examples sections, and the exit
 * statuses every command gives alike. Constants, so that {@code @Command} annotations can name them; each exit status
 * is {@code "STATUS:meaning"}, as picocli's {@code exitCodeList} reads it.
 */
final class UsageText {
  static final String EXIT_STATUS_HEADING = "%nExit status:%n";
  static final String EXAMPLES_HEADING = "%nExamples:%n";

  static final String COULD_NOT_RUN = "2:Could not run: bad arguments, files or OCI_* values, an unreachable target, "
      + "credentials the registry rejects, an internal error (one line on stderr, 'regconform: ...').";
  static final String SIGINT = "130:Interrupted by SIGINT (Ctrl-C).";
  static final String SIGTERM = "143:Interrupted by SIGTERM.";

  private UsageText() {}
}
