package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions of the command line: {@code --help} of every command with its exit statuses and examples,
 * {@code --version}, and the shell completion script picocli generates.
 */
class CommandLineConventionsTest {
  private static final List<Integer> ALL_STATUSES = List.of(0, 1, 2, 130, 143);
  private static final Pattern STATUS_ROW = Pattern.compile("(?m)^  (\\d+) {2,}\\S");

  /**
   * One command's help.
   *
   * @param command the words after {@code regconform}, empty for the top level
   * @param statuses the exit statuses its help lists, in order
   * @param example what its examples start with
   */
  record Help(String command, List<Integer> statuses, String example) {
    String[] args(String... more) {
      return Stream.concat(Arrays.stream(command.split(" ")).filter(w -> !w.isEmpty()), Arrays.stream(more))
          .toArray(String[]::new);
    }

    @Override
    public String toString() {
      return ("regconform " + command).strip();
    }
  }

  static Stream<Help> commands() {
    return Stream.of(
        new Help("", ALL_STATUSES, "./regconform run"),
        new Help("run", ALL_STATUSES, "./regconform run"),
        new Help("docs", List.of(0, 2, 130, 143), "./regconform docs"),
        new Help("bench", ALL_STATUSES, "./regconform bench blob"),
        new Help("bench blob", ALL_STATUSES, "JAVA_OPTS=-Xmx64m ./regconform bench blob"),
        new Help("load", ALL_STATUSES, "./regconform load"),
        new Help("help", List.of(0, 2), "./regconform help"),
        new Help("completion", List.of(0, 2), "source <(./regconform completion)"));
  }

  /** The commands picocli's {@code help} can name: the top level's, but itself. */
  static Stream<Help> commandsHelpNames() {
    return commands().filter(h -> !h.command().isEmpty() && !h.command().equals("help") && !h.command().contains(" "));
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commands")
  void help_lists_the_exit_statuses_then_examples_of_the_command(Help help) {
    CliRun run = regconform(help.args("--help"));

    assertThat(run.exitCode()).as("exit status of %s --help; stderr: %s", help, run.err()).isZero();
    String exitStatus = section(run.out(), "Exit status:");
    List<Integer> listed = STATUS_ROW.matcher(exitStatus).results().map(m -> Integer.valueOf(m.group(1))).toList();
    assertThat(listed).as("exit statuses in the help of %s:%n%s", help, run.out())
        .containsExactlyElementsOf(help.statuses());
    String examples = section(run.out(), "Examples:");
    assertThat(examples).as("first example of %s", help).startsWith("  " + help.example());
    assertThat(examples.lines())
        .as("example lines of %s, none wrapped by picocli onto column 0 (at most 79 columns)", help)
        .allSatisfy(line -> assertThat(line).startsWith("  "));
    assertThat(run.out().indexOf("Exit status:")).as("exit statuses come before the examples in%n%s", run.out())
        .isLessThan(run.out().indexOf("Examples:"));
  }

  @ParameterizedTest(name = "regconform help {0}")
  @MethodSource("commandsHelpNames")
  void the_help_command_shows_what_the_commands_own_help_option_shows(Help help) {
    CliRun viaHelpCommand = regconform(Stream.concat(Stream.of("help"), Arrays.stream(help.args()))
        .toArray(String[]::new));
    CliRun viaOption = regconform(help.args("--help"));

    assertThat(viaHelpCommand.exitCode()).as("exit status of regconform help %s", help.command()).isZero();
    assertThat(viaHelpCommand.out()).as("regconform help %s", help.command()).isEqualTo(viaOption.out());
  }

  @Test
  void the_help_of_regconform_names_each_command_and_the_statuses_of_each() {
    String out = regconform("--help").out();

    assertThat(section(out, "Commands:")).as("commands listed by regconform --help")
        .contains("  run ", "  docs ", "  bench ", "  load ", "  help ", "  completion ");
    assertThat(section(out, "Exit status:")).as("regconform --help's exit statuses, one table for all commands")
        .contains("run:", "docs:", "bench blob:", "load:", "--version", "SIGINT", "SIGTERM");
  }

  @Test
  void version_names_the_toolkit_then_the_java_runtime_and_the_os() {
    CliRun run = regconform("--version");

    assertThat(run.exitCode()).as("exit status of --version; stderr: %s", run.err()).isZero();
    assertThat(run.out().lines().toList()).as("regconform --version").containsExactly(
        "regconform " + ToolVersion.get(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** The commands with {@code --version}: all but picocli's {@code help}. */
  static Stream<Help> commandsWithVersion() {
    return commands().filter(h -> !h.command().equals("help"));
  }

  @ParameterizedTest(name = "{0} --version")
  @MethodSource("commandsWithVersion")
  void every_command_prints_the_same_version(Help help) {
    CliRun run = regconform(help.args("--version"));

    assertThat(run.out()).as("%s --version", help).startsWith("regconform " + ToolVersion.get() + "\nJava ");
  }

  @Test
  void completion_prints_a_bash_script_for_every_command_and_option() {
    CliRun run = regconform("completion");

    assertThat(run.exitCode()).as("exit status of completion; stderr: %s", run.err()).isZero();
    assertThat(run.out()).as("regconform completion").startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_regconform -o default regconform",
            "local commands=\"run docs bench load help completion\"", "local commands=\"blob\"")
        .contains("--target", "--password-stdin", "--check", "--reference", "--out", "--from", "--size", "--concurrency", "--duration");
  }

  @Test
  void the_completion_script_completes_commands_and_options_in_bash(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path script = Files.writeString(dir.resolve("regconform.bash"), regconform("completion").out(), UTF_8);
    String complete = "source \"$1\" 2>/dev/null\n"
        + "complete_line() { COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\"$@\");"
        + " COMP_CWORD=$(($# - 1)); COMPREPLY=(); _complete_regconform 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
        + "complete_line ./regconform ru\n"
        + "complete_line ./regconform run --targ\n"
        + "complete_line ./regconform bench blob --si\n"
        + "complete_line ./regconform docs --fr\n"
        + "complete_line ./regconform run --refe\n";
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", complete, "bash", script.toString())
        .redirectErrorStream(true);
    Process process;
    try {
      process = bash.start();
    } catch (IOException e) {
      assumeTrue(false, "no bash here: " + e.getMessage());
      return;
    }
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();

    assertThat(out.lines().toList())
        .as("bash completions of 'ru', 'run --targ', 'bench blob --si', 'docs --fr' and 'run --refe'")
        .containsExactly("run", "--target --target-name", "--size", "--from", "--reference");
  }

  /** {@code regconform ARGS}, in-process, with no environment and no standard input. */
  private static CliRun regconform(String... args) {
    return CliRun.execute(Map.of(), "", args);
  }

  /** The lines under HEADING, up to the next blank line. */
  private static String section(String help, String heading) {
    Matcher m = Pattern.compile("(?ms)^" + Pattern.quote(heading) + "\\R(.*?)(?:\\R\\R|\\R?\\z)").matcher(help);
    assertThat(m.find()).as("a section '%s' in%n%s", heading, help).isTrue();
    return m.group(1);
  }
}
