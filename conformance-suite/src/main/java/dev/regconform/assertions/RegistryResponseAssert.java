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

  public RegistryResponseAssert(RegistryResponse actual) {
    super(actual, RegistryResponseAssert.class);
  }

  /** The status code is exactly {@code expected}. */
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

  /** The status code is one of {@code allowed}, each a tolerance the spec permits ({@code because} says which). */
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

  /** A header is present, with any value. */
  public RegistryResponseAssert hasHeader(String name) {
    isNotNull();
    if (actual.header(name).isEmpty()) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have a %s header, but it has none.%s",
          actual.requestLine(), name, exchange());
    }
    return this;
  }

  /** A header is present with exactly {@code expected} as its (first) value. */
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

  /** A {@code Location} header is present and not blank. */
  public RegistryResponseAssert hasLocationHeader() {
    hasHeader(Headers.LOCATION);
    if (actual.header(Headers.LOCATION).orElseThrow().isBlank()) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have a non-empty Location header.%s", actual.requestLine(), exchange());
    }
    return this;
  }

  /** The {@code Docker-Content-Digest} header equals {@code expected}. */
  public RegistryResponseAssert hasContentDigest(Digest expected) {
    return hasHeader(Headers.DOCKER_CONTENT_DIGEST, expected.toString());
  }

  /** If a {@code Docker-Content-Digest} header is present (it is optional here), it equals {@code expected}. */
  public RegistryResponseAssert hasContentDigestIfPresent(Digest expected) {
    isNotNull();
    if (actual.header(Headers.DOCKER_CONTENT_DIGEST).isPresent()) {
      hasContentDigest(expected);
    }
    return this;
  }

  /** The {@code Content-Type} header's media type (parameters ignored) equals {@code expected}. */
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

  /** The {@code Content-Length} header equals {@code expected}. */
  public RegistryResponseAssert hasContentLength(long expected) {
    return hasHeader(Headers.CONTENT_LENGTH, String.valueOf(expected));
  }

  /** The body is exactly {@code expected}, byte for byte. */
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

  /** The body's digest (with {@code expected}'s algorithm) and length match a descriptor's digest and size. */
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

  /** The body is empty. */
  public RegistryResponseAssert hasEmptyBody() {
    isNotNull();
    if (actual.body().length != 0) {
      failWithMessage("%nExpecting response to%n  <%s>%nto have no body, but it has %d bytes.%s",
          actual.requestLine(), actual.body().length, exchange());
    }
    return this;
  }

  /** The body is a JSON error document whose {@code errors} include {@code expected}. */
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

  /** The (first) value of a header, for further assertions; empty when absent (this does not fail). */
  public Optional<String> header(String name) {
    return actual.header(name);
  }
}
