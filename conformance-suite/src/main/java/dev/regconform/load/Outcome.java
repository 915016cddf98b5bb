package dev.regconform.load;

import dev.regconform.client.IncompleteResponseError;
import dev.regconform.client.Redaction;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.RegistryUnreachableException;

/**
 * How one operation ended: done, refused with an HTTP status, or failed without one (a connection failure, bytes that
 * were not the ones pushed).
 *
 * @param status the status of the answer that failed the operation; 0 when it succeeded or failed without an answer
 * @param kind what failed without an answer, e.g. {@code ConnectException} or {@code digest-mismatch}; null otherwise
 * @param detail one line on what failed (secrets redacted); empty when it succeeded
 */
public record Outcome(int status, String kind, String detail) {
  private static final Outcome OK = new Outcome(0, null, "");

  public static Outcome ok() {
    return OK;
  }

  /** Refused: {@code answer} had another status than the operation needs. */
  public static Outcome refused(RegistryResponse answer) {
    String errors = answer.errors().isEmpty() ? "" : " " + answer.errors().get(0).code();
    return new Outcome(answer.status(), null, answer.requestLine() + " answered " + answer.status() + errors);
  }

  /** Failed without an answer that says why: {@code kind} names the failure. */
  public static Outcome failed(String kind, String detail) {
    return new Outcome(0, kind, Redaction.text(detail));
  }

  /**
   * What an operation threw ({@link RuntimeException}, {@link IncompleteResponseError}): a connection failure is named by its root cause ({@code ConnectException},
   * {@code SocketTimeoutException}, …), a body cut short {@code IncompleteResponse}, anything else by its class.
   */
  public static Outcome of(Throwable e) {
    if (e instanceof IncompleteResponseError) {
      return failed("IncompleteResponse", String.valueOf(e.getMessage()));
    }
    Throwable root = e;
    if (e instanceof RegistryUnreachableException) {
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
    }
    return failed(root.getClass().getSimpleName(), String.valueOf(e.getMessage()));
  }

  public boolean succeeded() {
    return status == 0 && kind == null;
  }
}
