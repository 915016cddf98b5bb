package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line run in-process as a user runs it, through the commands' seams: the environment and standard input
 * given here (never the test JVM's), and what it printed and returned.
 *
 * @param exitCode the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code regconform ARGS} with no standard input. */
  static CliRun execute(Map<String, String> environment, String... args) {
    return execute(environment, "", args);
  }

  /** Runs {@code regconform ARGS}; {@code run}, {@code docs}, {@code bench blob} and {@code load} see only this environment and this stdin. */
  static CliRun execute(Map<String, String> environment, String stdin, String... args) {
    Map<String, String> env = new HashMap<>(environment);
    CommandLine cli = RegconformCommand.commandLine();
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    run.environment = env::get;
    run.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    DocsCommand docs = cli.getSubcommands().get("docs").getCommand();
    docs.run.environment = env::get;
    docs.run.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    BenchBlobCommand blob = cli.getSubcommands().get("bench").getSubcommands().get("blob").getCommand();
    blob.access.environment = env::get;
    blob.access.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    LoadCommand load = cli.getSubcommands().get("load").getCommand();
    load.access.environment = env::get;
    load.access.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new CliRun(cli.execute(args), out.toString(), err.toString());
  }

  /** The last line of standard output: the closing counts of a run. */
  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** The {@code Reports:} line of a run. */
  String reportsLine() {
    return out.lines().filter(l -> l.startsWith("Reports: ")).findFirst().orElseThrow(
        () -> new AssertionError("no Reports: line in\n" + out));
  }

  @Override
  public String toString() {
    return out + err;
  }
}
