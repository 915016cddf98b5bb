package dev.regconform.client;

/**
 * The registry's answer could not be read as HTTP: the connection closed before the body its own
 * Content-Length announced (RFC 9112 §6.3). That is the registry's answer, so it is reported like a failed
 * assertion (a failure, or a warning in a SHOULD check), not as a harness problem.
 */
public class IncompleteResponseError extends AssertionError {
  /**
   * An answer cut short.
   *
   * @param method the request method
   * @param url the request URL; masked in the message
   * @param status the status the answer began with
   * @param contentLength the {@code Content-Length} the answer announced, as text
   * @param cause the read failure; its root cause's type and message end the message
   */
  public IncompleteResponseError(String method, String url, int status, String contentLength, Throwable cause) {
    super(String.format("%nExpecting the answer to%n  <%s %s>%nto be a complete HTTP message, but after status %d "
            + "and Content-Length %s the connection closed before the whole body arrived:%n  <%s>",
        method, Redaction.url(url), status, contentLength, rootMessage(cause)), cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
