package dev.regconform.reports.baseline;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.util.Objects;

/**
 * One known deviation: a check that does not pass on a target, and why that is accepted.
 *
 * <pre>{@code
 * BaselineEntry entry = BaselineEntry.of(run, check); // reason: the failure message, on one line
 * entry.matches("http://127.0.0.1:5000", "push.chunked.resend");
 * }</pre>
 *
 * @param target the target's description, as {@code summary.json} gives it: the {@code --target} URL, its
 *     {@code --target-name}, or the name of a reference registry
 * @param check the check id, e.g. {@code push.chunked.resend}
 * @param outcome what the check reached when the entry was written: {@code failed}, {@code broken} or
 *     {@code warning}; for people, a later run matches the entry whatever its outcome
 * @param reason why the deviation is accepted; written from the failure message, meant to be edited
 */
public record BaselineEntry(String target, String check, Outcome outcome, String reason) {
  /** The longest reason written from a failure message; a person may write a longer one. */
  static final int REASON_LENGTH = 240;

  /**
   * Checks the key parts and tidies the reason.
   *
   * @param target not null
   * @param check not null
   * @param outcome not null
   * @param reason null becomes empty; stripped
   * @throws NullPointerException when {@code target}, {@code check} or {@code outcome} is null
   */
  public BaselineEntry {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason.strip();
  }

  /**
   * The entry for a check that does not pass, its reason the gist of the failure message. Does not look at the
   * outcome: the caller picks the checks worth accepting.
   *
   * @param run the target's run; its description becomes the entry's target, its URL and namespace are cut from
   *     the reason
   * @param check one of the run's results
   * @return the entry, its reason as {@link #gist} makes it
   */
  public static BaselineEntry of(TargetRun run, CheckResult check) {
    return new BaselineEntry(run.description(), check.id(), check.outcome(),
        gist(check.message(), run.target(), run.namespace()));
  }

  /**
   * Whether this entry is about {@code check} on {@code target}; the outcome does not matter.
   *
   * @param target the target's description, compared exactly
   * @param check the check id, compared exactly
   * @return true when both are equal to this entry's
   */
  public boolean matches(String target, String check) {
    return this.target.equals(target) && this.check.equals(check);
  }

  /**
   * A copy with another reason, e.g. one a person wrote.
   *
   * @param reason the new reason; null becomes empty
   * @return a new entry; this one is unchanged
   */
  public BaselineEntry withReason(String reason) {
    return new BaselineEntry(target, check, outcome, reason);
  }

  /**
   * A failure message on one line, for people: what came before the HTTP exchange, whitespace collapsed, the
   * level prefix ({@code (SHOULD)}) and the run's own URL and namespace (different in every run) left out, at most
   * {@value #REASON_LENGTH} characters. Used for baseline reasons and to compare failures across runs, so the same
   * failure gives the same gist in every run.
   *
   * @param message a check's failure message; null is treated as empty
   * @param targetUrl the run's target URL, removed from the text; empty to remove nothing; not null
   * @param namespace the run's namespace, replaced by {@code <namespace>}; empty to replace nothing; not null
   * @return one line, cut with {@code …} when longer than {@value #REASON_LENGTH} characters
   */
  public static String gist(String message, String targetUrl, String namespace) {
    String text = message == null ? "" : message;
    int exchange = text.indexOf("\nExchange:");
    text = exchange >= 0 ? text.substring(0, exchange) : text;
    if (!targetUrl.isEmpty()) {
      text = text.replace(targetUrl, "");
    }
    if (!namespace.isEmpty()) {
      text = text.replace(namespace, "<namespace>");
    }
    text = text.replaceAll("\\s+", " ").strip().replaceFirst("^\\((SHOULD|MAY)\\) ", "");
    return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH - 1).stripTrailing() + "…";
  }
}
