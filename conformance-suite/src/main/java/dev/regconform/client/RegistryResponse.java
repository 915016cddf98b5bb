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

  public RegistryResponse {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** Every value of a header, in order. */
  public List<String> headers(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
  }

  /** The {@code Docker-Content-Digest} header parsed, or empty when it is absent or not a digest. */
  public Optional<Digest> contentDigest() {
    return header(Headers.DOCKER_CONTENT_DIGEST).filter(Digest::isDigest).map(Digest::parse);
  }

  /** The digest of the body bytes. */
  public Digest bodyDigest(DigestAlgorithm algorithm) {
    return Digest.of(algorithm, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The spec's error entries of a JSON error body; empty when the body is not one. */
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

  /** The request, e.g. {@code GET http://127.0.0.1:5000/v2/acme/app/manifests/1.3}, with secrets masked. */
  public String requestLine() {
    return method + " " + Redaction.url(url);
  }

  /** The status line and headers, one per line, secrets masked. */
  public String describeHeaders() {
    StringBuilder sb = new StringBuilder().append(status);
    for (Map.Entry<String, String> h : headers) {
      sb.append("\n").append(h.getKey()).append(": ").append(Redaction.text(Redaction.headerValue(h.getKey(), h.getValue())));
    }
    return sb.toString();
  }

  /** A printable summary of the body: text up to 1 KiB, or size and digest for binary content. */
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

  /** Request, status, headers and body for a failure message. */
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
