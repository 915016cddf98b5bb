package dev.regconform.assertions;

import dev.regconform.client.RegistryResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link RegistryResponse} an assertion test looks at, without any HTTP.
 *
 * <pre>{@code
 * RegistryResponse r = Exchange.get(URL).status(404).header("Content-Type", "application/json").body("{}").response();
 * }</pre>
 */
final class Exchange {
  static final String MANIFEST_URL = "http://127.0.0.1:5000/v2/acme/app/manifests/1.3";
  static final String BLOB_URL = "http://127.0.0.1:5000/v2/acme/app/blobs/sha256:"
      + "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

  private final String method;
  private final String url;
  private int status = 200;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private byte[] body = new byte[0];

  private Exchange(String method, String url) {
    this.method = method;
    this.url = url;
  }

  static Exchange get(String url) {
    return new Exchange("GET", url);
  }

  static Exchange head(String url) {
    return new Exchange("HEAD", url);
  }

  static Exchange put(String url) {
    return new Exchange("PUT", url);
  }

  Exchange status(int status) {
    this.status = status;
    return this;
  }

  Exchange header(String name, String value) {
    headers.add(Map.entry(name, value));
    return this;
  }

  Exchange body(byte[] body) {
    this.body = body;
    return this;
  }

  Exchange body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  RegistryResponse response() {
    return new RegistryResponse(method, url, status, headers, body);
  }
}
