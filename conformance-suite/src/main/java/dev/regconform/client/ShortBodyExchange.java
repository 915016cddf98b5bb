package dev.regconform.client;

import java.util.Optional;

/**
 * What happened to a request whose body was shorter than its {@code Content-Length} (sent by
 * {@link RegistryClient#completeUploadWithShortBody} and {@link RegistryClient#uploadMonolithicWithShortBody}).
 * RFC 9112 §8 lets a server answer such an incomplete message with an error or just close the connection, so
 * the answer is optional; {@link #course()} says how the exchange ended either way.
 *
 * @param requestLine the request, e.g. {@code PUT http://127.0.0.1:5000/v2/a/blobs/uploads/1?digest=sha256:…}, masked
 * @param declaredLength the {@code Content-Length} sent
 * @param bytesSent how many body bytes were sent
 * @param response the registry's answer, when one arrived
 * @param course how the exchange ended: when the answer came, or that none did and why
 */
public record ShortBodyExchange(String requestLine, long declaredLength, int bytesSent,
    Optional<RegistryResponse> response, Course course) {

  /** How the exchange ended. */
  public enum Course {
    /** The registry answered while it could still expect the missing bytes: it saw the body was short early. */
    ANSWERED_BEFORE_HALF_CLOSE("answered while the connection was still open for the missing bytes"),
    /** The registry answered once the client had half-closed (shut down its output): it waited for the bytes. */
    ANSWERED_AFTER_HALF_CLOSE("answered after the client half-closed the connection (no more bytes would come)"),
    /** The registry closed the connection without a status line: RFC 9112 allows that for an incomplete message. */
    CLOSED_WITHOUT_ANSWER("closed the connection without an answer"),
    /** Neither an answer nor a close came within the waits ({@link RegistryClient.Builder#shortBodyAnswerMillis}). */
    NO_ANSWER_IN_TIME("sent no complete status line and headers within the time allowed (the connection was then closed)");

    private final String text;

    Course(String text) {
      this.text = text;
    }

    /**
     * The course as the end of a sentence about the registry, for messages.
     *
     * @return e.g. "closed the connection without an answer"
     */
    public String text() {
      return text;
    }
  }

  /**
   * The request, the lengths and how it ended, then the answer if there was one; for assertion messages.
   *
   * @return one line, then the answer's status, headers and body when it came, secrets masked
   */
  public String describe() {
    String head = requestLine + " with Content-Length: " + declaredLength + " and " + bytesSent + " bytes of body: the"
        + " registry " + course.text();
    return response.map(r -> head + "\n  -> " + r.describeHeaders().replace("\n", "\n     ") + "\n     "
        + r.describeBody()).orElse(head);
  }
}
