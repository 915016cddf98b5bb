package dev.regconform.client;

/**
 * A request that was cut off mid-body on purpose (sent by {@link RegistryClient#sendInterrupted}): the headers
 * declared {@code declaredLength} bytes, {@code bytesSent} of them went out, and the client then closed the
 * connection without reading an answer, as a client does when it is killed or loses its network mid-upload.
 *
 * @param requestLine the request, e.g. {@code PATCH http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=***}, masked
 * @param declaredLength the {@code Content-Length} sent
 * @param bytesSent how many body bytes were sent before the connection was closed
 */
public record InterruptedExchange(String requestLine, long declaredLength, int bytesSent) {

  /**
   * The request and the lengths, for assertion messages.
   *
   * @return e.g. {@code PATCH … with Content-Length: 1024: the client sent 10 bytes of body, then closed the connection}
   */
  public String describe() {
    return requestLine + " with Content-Length: " + declaredLength + ": the client sent " + bytesSent
        + " bytes of body, then closed the connection";
  }
}
