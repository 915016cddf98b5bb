package dev.regconform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange with a registry: the request line, and the response's status, every header (repeated
 * headers kept, in order) and body bytes. The client never asserts; checks assert on this.
 *
 * @param method the request method
 * @param url the request URL
 * @param status the response status code
 * @param headers the response headers, in order, repeated names kept
 * @param body the response body (empty for HEAD); the accessor returns the array itself, do not modify it
 */
public record RegistryResponse(String method, String url, int status, List<Map.Entry<String, String>> headers,
    byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_BODY_BYTES = 1024;

  /**
   * An exchange; the headers are copied, the body is not.
   *
   * @param method the request method
   * @param url the request URL, as sent (messages mask it)
   * @param status the response status code
   * @param headers the response headers, in order
   * @param body the response body; null is taken as empty
   */
  public RegistryResponse {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, matched case-insensitively, e.g. {@link Headers#LOCATION}
   * @return its first value as sent; empty when the answer has no such header
   */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /**
   * Every value of a header: for headers that may repeat ({@code Link}, {@code WWW-Authenticate}, {@code OCI-Tag}).
   *
   * @param name the header's name, matched case-insensitively
   * @return its values in the order sent, each as one header line carried it (not split at commas); empty when none
   */
  public List<String> headers(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
  }

  /**
   * The {@code Docker-Content-Digest} header, parsed.
   *
   * @return the digest the registry named; empty when the header is absent or not a digest
   */
  public Optional<Digest> contentDigest() {
    return header(Headers.DOCKER_CONTENT_DIGEST).filter(Digest::isDigest).map(Digest::parse);
  }

  /**
   * The digest of the body bytes as received, to compare with the digest asked for.
   *
   * @param algorithm the algorithm to digest with
   * @return the body's digest (of an empty body for HEAD)
   */
  public Digest bodyDigest(DigestAlgorithm algorithm) {
    return Digest.of(algorithm, body);
  }

  /**
   * The body decoded as UTF-8, for JSON and error bodies. Not masked: use {@link #describeBody()} in messages.
   *
   * @return the body as text; malformed bytes are replaced
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The entries of a JSON error body {@code {"errors":[…]}}.
   *
   * @return the entries in order, a missing {@code code} or {@code message} as empty text; empty when the body is not
   *     JSON with an {@code errors} array
   */
  public List<RegistryError> errors() {
    List<RegistryError> errors = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && root.path("errors").isArray()) {
        for (JsonNode e : root.get("errors")) {
          errors.add(new RegistryError(e.path("code").asText(""), e.path("message").asText("")));
        }
      }
    } catch (IOException notJson) {
      // not a JSON error body: no errors to report
    }
    return errors;
  }

  /**
   * The request, for messages.
   *
   * @return e.g. {@code GET http://127.0.0.1:5000/v2/acme/app/manifests/1.3}, with {@code _state} masked
   */
  public String requestLine() {
    return method + " " + Redaction.url(url);
  }

  /**
   * The status and headers, for messages.
   *
   * @return the status, then one {@code Name: value} line per header in order, secret values masked
   */
  public String describeHeaders() {
    StringBuilder sb = new StringBuilder().append(status);
    for (Map.Entry<String, String> h : headers) {
      sb.append("\n").append(h.getKey()).append(": ").append(Redaction.text(Redaction.headerValue(h.getKey(), h.getValue())));
    }
    return sb.toString();
  }

  /**
   * A printable summary of the body, for messages.
   *
   * @return the text (its first 1 KiB, secrets masked), or size and sha256 digest for binary content, or
   *     {@code <empty body>}
   */
  public String describeBody() {
    if (body.length == 0) {
      return "<empty body>";
    }
    if (!looksLikeText()) {
      return "<" + body.length + " bytes of binary content, " + Digest.sha256(body) + ">";
    }
    String text = new String(body, 0, Math.min(body.length, SHOWN_BODY_BYTES), StandardCharsets.UTF_8);
    String suffix = body.length > SHOWN_BODY_BYTES ? "… (" + body.length + " bytes, truncated to " + SHOWN_BODY_BYTES + ")" : "";
    return Redaction.text(text) + suffix;
  }

  /**
   * The whole exchange for a failure message: {@link #requestLine()}, {@link #describeHeaders()} and
   * {@link #describeBody()}, secrets masked.
   *
   * @return several lines, the answer's indented
   */
  public String describe() {
    return requestLine() + "\n  -> " + describeHeaders().replace("\n", "\n     ") + "\n     " + describeBody();
  }

  private boolean looksLikeText() {
    int n = Math.min(body.length, 512);
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return requestLine() + " -> " + status;
  }
}
