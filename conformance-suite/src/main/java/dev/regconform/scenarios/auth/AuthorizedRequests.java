package dev.regconform.scenarios.auth;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import java.util.Map;
import java.util.Optional;

/**
 * Registry requests sent with one Authorization value of the check's choosing (or none), never answering a challenge:
 * so a check sees exactly what a given token or credential may do.
 */
final class AuthorizedRequests {
  private static final Map<String, String> OCTET_STREAM = Map.of("Content-Type", "application/octet-stream");

  private final RegistryClient client;
  private final String authorization;

  /** Requests with {@code authorization} ({@code Bearer …}, {@code Basic …}), or none when it is null. */
  AuthorizedRequests(RegistryClient client, String authorization) {
    this.client = client;
    this.authorization = authorization;
  }

  static AuthorizedRequests bearer(RegistryClient client, String token) {
    return new AuthorizedRequests(client, "Bearer " + token);
  }

  static AuthorizedRequests anonymous(RegistryClient client) {
    return new AuthorizedRequests(client, null);
  }

  // end-1: GET /v2/
  RegistryResponse base() {
    return client.exchangeAs("GET", "/v2/", Map.of(), null, authorization);
  }

  // end-3: GET /v2/<name>/manifests/<reference>
  RegistryResponse getManifest(String repository, String reference, String mediaType) {
    return client.exchangeAs("GET", "/v2/" + repository + "/manifests/" + reference, Map.of(Headers.ACCEPT, mediaType),
        null, authorization);
  }

  // end-2: HEAD /v2/<name>/blobs/<digest>
  RegistryResponse headBlob(String repository, Digest digest) {
    return client.exchangeAs("HEAD", "/v2/" + repository + "/blobs/" + digest, Map.of(), null, authorization);
  }

  // end-4a: POST /v2/<name>/blobs/uploads/
  RegistryResponse startUpload(String repository) {
    return client.exchangeAs("POST", "/v2/" + repository + "/blobs/uploads/", Map.of(), new byte[0], authorization);
  }

  // end-4b: POST /v2/<name>/blobs/uploads/?digest=<digest> with the whole blob
  RegistryResponse postBlob(String repository, Digest digest, byte[] bytes) {
    return client.exchangeAs("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, OCTET_STREAM, bytes,
        authorization);
  }

  /** end-4a then end-6: POST, then PUT {@code <location>?digest=} with the blob; the POST's answer when not 202. */
  RegistryResponse pushBlob(String repository, TestBlob blob) {
    RegistryResponse start = startUpload(repository);
    Optional<String> location = start.header(Headers.LOCATION);
    if (start.status() != 202 || location.isEmpty()) {
      return start;
    }
    String url = client.resolve(location.get());
    return client.exchangeAs("PUT", url + (url.contains("?") ? "&" : "?") + "digest=" + blob.digest(), OCTET_STREAM,
        blob.readAllBytes(), authorization);
  }

  // end-7: PUT /v2/<name>/manifests/<reference>
  RegistryResponse putManifest(String repository, String reference, ImageManifest manifest) {
    return client.exchangeAs("PUT", "/v2/" + repository + "/manifests/" + reference,
        Map.of("Content-Type", manifest.mediaType()), manifest.raw(), authorization);
  }

  // end-9: DELETE /v2/<name>/manifests/<reference>
  RegistryResponse deleteManifest(String repository, String reference) {
    return client.exchangeAs("DELETE", "/v2/" + repository + "/manifests/" + reference, Map.of(), null, authorization);
  }

  // end-11 (catalog): GET /v2/_catalog
  RegistryResponse catalog() {
    return client.exchangeAs("GET", "/v2/_catalog", Map.of(), null, authorization);
  }
}
