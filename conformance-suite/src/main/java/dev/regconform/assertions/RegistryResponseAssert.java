package dev.regconform.assertions;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.Redaction;
import dev.regconform.client.RegistryError;
import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one registry exchange. Every failure message shows the request, what was expected
 * and what the registry answered (status, headers, body; secrets masked).
 *
 * <pre>{@code
 * assertThat(registry.putManifest(repo, "1.3", type, bytes))
 *     .hasStatus(201)
 *     .hasLocationHeader()
 *     .hasContentDigest(Digest.sha256(bytes));
 * }</pre>
 */
public class RegistryResponseAssert extends AbstractAssert<RegistryResponseAssert, RegistryResponse> {

  /**
   * An assertion on {@code actual}; {@link RegistryAssertions#assertThat(RegistryResponse)} is the usual way in.
   *
   * @param actual the exchange to check
   */
  public RegistryResponseAssert(RegistryResponse actual) {
    super(actual, RegistryResponseAssert.class);
  }

  /**
   * The status code is exactly {@code expected}. A 401, 403 or 5xx instead fails with
   * {@link UnacceptableResponseError}, a failure even in a SHOULD or MAY check.
   *
   * @param expected e.g. 201
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasStatus(int expected) {
    isNotNull();
    if (actual.status() != expected) {
      String format = "%nExpecting response to%n  <%s>%nto have status:%n  <%s>%nbut was:%n  <%s>%s";
      failUnacceptably(format, actual.requestLine(), expected, actual.status(), exchange());
      failWithActualExpectedAndMessage(actual.status(), expected, format,
          actual.requestLine(), expected, actual.status(), exchange());
    }
    return this;
  }

  /**
   * The status code is one of {@code allowed}, each a tolerance the spec permits. A 401, 403 or 5xx outside them
   * fails with {@link UnacceptableResponseError}.
   *
   * @param because which part of the spec permits the alternatives; shown in the failure message
   * @param allowed the accepted statuses
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasStatusIn(String because, int... allowed) {
    isNotNull();
    if (Arrays.stream(allowed).noneMatch(s -> s == actual.status())) {
      String format = "%nExpecting response to%n  <%s>%nto have one of the statuses:%n  <%s> (%s)%nbut was:%n  <%s>%s";
      failUnacceptably(format, actual.requestLine(), Arrays.toString(allowed), because, actual.status(), exchange());
      failWithMessage(format, actual.requestLine(), Arrays.toString(allowed), because, actual.status(), exchange());
    }
    return this;
  }

  /** A 401, 403 or 5xx where another status was expected fails whatever the check's level. */
  private void failUnacceptably(String format, Object... arguments) {
    if (UnacceptableResponseError.isUnacceptable(actual.status())) {
      String description = info.descriptionText();
      throw new UnacceptableResponseError(actual.status(),
          (description.isEmpty() ? "" : "[" + description + "] ") + String.format(format, arguments));
    }
  }

  /**
   * A header is present, with any value.
   *
   * @param name the header name, matched case-insensitively
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasHeader(String name) {
    isNotNull();
    if (actual.header(name).isEmpty()) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have a %s header, but it has none.%s",
          actual.requestLine(), name, exchange());
    }
    return this;
  }

  /**
   * A header is present with exactly {@code expected} as its first value.
   *
   * @param name the header name, matched case-insensitively
   * @param expected the value, compared exactly
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasHeader(String name, String expected) {
    hasHeader(name);
    String value = actual.header(name).orElseThrow();
    if (!value.equals(expected)) {
      // Shown masked like the exchange: a Set-Cookie or a Location with _state is no less secret here.
      String shownValue = shown(name, value);
      String shownExpected = shown(name, expected);
      failWithActualExpectedAndMessage(shownValue, shownExpected,
          "%nExpecting response to%n  <%s>%nto have header %s:%n  <%s>%nbut was:%n  <%s>%s",
          actual.requestLine(), name, shownExpected, shownValue, exchange());
    }
    return this;
  }

  /**
   * A {@code Location} header is present and not blank, as after an upload is started or a manifest is pushed.
   *
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasLocationHeader() {
    hasHeader(Headers.LOCATION);
    if (actual.header(Headers.LOCATION).orElseThrow().isBlank()) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have a non-empty Location header.%s", actual.requestLine(), exchange());
    }
    return this;
  }

  /**
   * The {@code Docker-Content-Digest} header is present and equals {@code expected}.
   *
   * @param expected the digest of the content pushed or asked for
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasContentDigest(Digest expected) {
    return hasHeader(Headers.DOCKER_CONTENT_DIGEST, expected.toString());
  }

  /**
   * If a {@code Docker-Content-Digest} header is present (where the spec makes it optional), it equals
   * {@code expected}; its absence passes.
   *
   * @param expected the digest of the content pushed or asked for
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasContentDigestIfPresent(Digest expected) {
    isNotNull();
    if (actual.header(Headers.DOCKER_CONTENT_DIGEST).isPresent()) {
      hasContentDigest(expected);
    }
    return this;
  }

  /**
   * The {@code Content-Type} header's media type equals {@code expected}; parameters such as {@code charset} are
   * ignored.
   *
   * @param expected e.g. {@link dev.regconform.model.MediaTypes#OCI_MANIFEST}
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasContentType(String expected) {
    hasHeader(Headers.CONTENT_TYPE);
    String value = actual.header(Headers.CONTENT_TYPE).orElseThrow();
    String mediaType = value.split(";", 2)[0].trim();
    if (!mediaType.equals(expected)) {
      failWithActualExpectedAndMessage(mediaType, expected,
          "%nExpecting response to%n  <%s>%nto have Content-Type:%n  <%s>%nbut was:%n  <%s>%s",
          actual.requestLine(), expected, value, exchange());
    }
    return this;
  }

  /**
   * The {@code Content-Length} header equals {@code expected}, e.g. a blob's size on a HEAD, which has no body.
   *
   * @param expected the length in bytes
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasContentLength(long expected) {
    return hasHeader(Headers.CONTENT_LENGTH, String.valueOf(expected));
  }

  /**
   * The body is exactly {@code expected}, byte for byte.
   *
   * @param expected the content pushed
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasBody(byte[] expected) {
    isNotNull();
    if (!Arrays.equals(actual.body(), expected)) {
      Digest expectedDigest = Digest.sha256(expected);
      Digest actualDigest = Digest.sha256(actual.body());
      failWithMessage("%nExpecting the body of%n  <%s>%nto be exactly the %d bytes sent, digest:%n  <%s>%n"
              + "but it was %d bytes, digest:%n  <%s>%s",
          actual.requestLine(), expected.length, expectedDigest, actual.body().length, actualDigest, exchange());
    }
    return this;
  }

  /**
   * The body's digest (with {@code expected}'s algorithm) and length match a descriptor's digest and size: for
   * content that is compared by hash rather than held for a byte comparison.
   *
   * @param expected the descriptor's digest
   * @param expectedSize the descriptor's size in bytes
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasBodyMatching(Digest expected, long expectedSize) {
    isNotNull();
    Digest actualDigest = actual.bodyDigest(expected.algorithm());
    if (!actualDigest.equals(expected) || actual.body().length != expectedSize) {
      failWithActualExpectedAndMessage(actualDigest, expected,
          "%nExpecting the body of%n  <%s>%nto have digest:%n  <%s>%nand size:%n  <%d>%n"
              + "but the bytes received have digest:%n  <%s>%nand size:%n  <%d>%s",
          actual.requestLine(), expected, expectedSize, actualDigest, actual.body().length, exchange());
    }
    return this;
  }

  /**
   * The body is empty, as the spec requires of a HEAD answer and of several 202s and 201s.
   *
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasEmptyBody() {
    isNotNull();
    if (actual.body().length != 0) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have no body, but it has %d bytes.%s",
          actual.requestLine(), actual.body().length, exchange());
    }
    return this;
  }

  /**
   * The body is a JSON error document whose {@code errors} include {@code expected}: the spec's error shape, where
   * the code is what clients act on.
   *
   * @param expected the error code, e.g. {@code MANIFEST_UNKNOWN}
   * @return this assertion, for chaining
   */
  public RegistryResponseAssert hasErrorCode(ErrorCode expected) {
    isNotNull();
    List<RegistryError> errors = actual.errors();
    if (errors.stream().noneMatch(e -> e.code().equals(expected.name()))) {
      failWithMessage("%nExpecting the error body of%n  <%s>%nto contain error code:%n  <%s>%nbut %s%s",
          actual.requestLine(), expected,
          errors.isEmpty() ? "the body is not a JSON error document {\"errors\":[…]}" : "the codes were:" + System.lineSeparator() + "  <" + errors + ">",
          exchange());
    }
    return this;
  }

  private static String shown(String header, String value) {
    return value == null ? null : Redaction.text(Redaction.headerValue(header, value));
  }

  private String exchange() {
    return String.format("%nExchange:%n  %s", actual.describe().replace("\n", "\n  "));
  }

  /**
   * The first value of a header, for further assertions; this does not fail.
   *
   * @param name the header name, matched case-insensitively
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    return actual.header(name);
  }
}
