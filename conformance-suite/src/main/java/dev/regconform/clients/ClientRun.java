package dev.regconform.clients;

import java.time.Duration;
import java.util.List;

/**
 * What one run of an external client printed and how it ended, already redacted.
 *
 * <pre>{@code
 * ClientRun push = docker.run(Duration.ofMinutes(2), "push", ref);
 * assertThat(push.succeeded()).as(push.describe()).isTrue();
 * }</pre>
 *
 * @param command the command line as it may be shown (secrets masked)
 * @param exitCode the exit code; -1 when the client timed out or could not be started
 * @param output standard output and standard error interleaved, redacted, cut to its last {@value #MAX_OUTPUT} chars
 * @param took how long the client ran
 * @param timedOut whether the client was stopped because it ran past its time limit
 */
public record ClientRun(List<String> command, int exitCode, String output, Duration took, boolean timedOut) {
  /** Longest output kept: clients print progress bars. */
  public static final int MAX_OUTPUT = 8192;

  public ClientRun {
    command = List.copyOf(command);
  }

  /** Whether the client exited 0 in time. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** The command line and its outcome, for assertion messages: {@code $ docker push … -> exit 1 (0.4 s):} + output. */
  public String describe() {
    String end = timedOut ? "timed out after " + seconds() : "exit " + exitCode + " (" + seconds() + ")";
    return "$ " + String.join(" ", command) + "\n-> " + end + (output.isBlank() ? "" : ":\n" + output.strip());
  }

  private String seconds() {
    return String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
  }
}
