package dev.regconform.concurrency;

import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.management.ErrorBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What went wrong in a race, one entry per client answer that broke a rule, collected so a check reports every
 * client at once instead of stopping at the first. Only the first few entries are shown in full.
 *
 * <pre>{@code
 * Findings findings = new Findings();
 * findings.expect(1, put, 201);                      // "client 1: PUT … answered 500" with the exchange
 * findings.verify("8 clients pushing the same blob at once each to get 201");
 * }</pre>
 */
public final class Findings {
  private static final int SHOWN = 4;

  private final List<String> problems = new ArrayList<>();

  /** Records a problem in a few words, with the exchange that shows it. */
  public synchronized void add(String problem, RegistryResponse exchange) {
    problems.add(problem + ":\n" + exchange.describe());
  }

  /** Records a problem that has no exchange to show (e.g. an exception). */
  public synchronized void add(String problem) {
    problems.add(problem);
  }

  /** Records a problem unless {@code answer} has one of {@code statuses}; returns whether it had. */
  public boolean expect(String who, RegistryResponse answer, int... statuses) {
    if (Arrays.stream(statuses).anyMatch(s -> s == answer.status())) {
      return true;
    }
    add(who + ": " + answer.requestLine() + " answered " + answer.status() + ", expected "
        + (statuses.length == 1 ? statuses[0] : Arrays.toString(statuses)), answer);
    return false;
  }

  /**
   * Whether {@code answer} is a clean refusal: a 4xx whose body, when it is JSON, has the spec's error shape. A 5xx,
   * or a 4xx with a malformed error body, is recorded as a problem.
   */
  public boolean cleanRefusal(String who, RegistryResponse answer) {
    if (answer.status() < 400 || answer.status() > 499) {
      return false;
    }
    List<String> shape = ErrorBodies.problems(answer);
    if (!shape.isEmpty()) {
      add(who + ": the refusal's error body does not have the spec's shape (" + String.join("; ", shape) + ")",
          answer);
      return false;
    }
    return true;
  }

  /** Records {@code bytes} as wrong unless they are exactly {@code expected}. */
  public boolean expectBody(String who, RegistryResponse answer, byte[] expected) {
    if (Arrays.equals(answer.body(), expected)) {
      return true;
    }
    // Worded as RegistryResponseAssert words a body check, so a report reads the same whichever check found it.
    add(String.format("%s: %s served %d bytes that are not the %d bytes pushed%s:%nExpecting the body of%n  <%s>%n"
            + "to have digest:%n  <%s>%n(exactly the %d bytes pushed)%nbut the bytes received have digest:%n  <%s>",
        who, answer.requestLine(), answer.body().length, expected.length,
        answer.body().length < expected.length ? " (truncated?)" : "", answer.requestLine(), Digest.sha256(expected),
        expected.length, Digest.sha256(answer.body())), answer);
    return false;
  }

  public synchronized boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws an {@link AssertionError} listing the problems, when there are any. */
  public synchronized void verify(String expectation) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder(String.format("%nExpecting%n  %s%nbut %d answer%s broke it:", expectation,
        problems.size(), problems.size() == 1 ? "" : "s"));
    problems.stream().limit(SHOWN).forEach(p -> text.append("\n  - ").append(p.replace("\n", "\n    ")));
    if (problems.size() > SHOWN) {
      text.append("\n  … and ").append(problems.size() - SHOWN).append(" more");
    }
    throw new AssertionError(text.toString());
  }
}
