package dev.regconform.scenarios.official.requests;


import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryOperationException;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;

/** What the checks of this package share: content of their own, uploads of raw bytes, Locations and refusals. */
final class Requests {
  /** What docker and skopeo send when pulling: every manifest type they understand. */

  private Requests() {}



  /**
   * Uploads {@code content} as docker does (POST, one streamed PATCH, PUT ?digest=) for a check that needs it stored,
   * records it for cleanup and returns the PUT's answer. A refusal on the way is the registry refusing content the
   * check needs.
   */
  static RegistryResponse upload(Scenario scenario, String repository, byte[] content) {
    RegistryClient registry = scenario.client();
    Digest digest = Digest.sha256(content);
    String action = "upload blob " + digest + " (" + content.length + " bytes) to " + repository;
    RegistryResponse post = expect(registry.startUpload(repository), 202, action + " (POST)");
    RegistryResponse patch = expect(registry.patchUpload(next(post, action), content, null), 202, action + " (PATCH)");
    RegistryResponse put = registry.completeUpload(next(patch, action), digest, null);
    scenario.cleanup().recordBlob(repository, digest);
    return expect(put, 201, action + " (PUT)");
  }

  /** Cancels an upload session a check opened but does not use, ignoring the answer (cancel is checked elsewhere). */
  static void abandon(RegistryClient registry, RegistryResponse session) {
    session.header(Headers.LOCATION).ifPresent(location -> {
      try {
        registry.cancelUpload(location);
      } catch (RuntimeException ignored) {
        // best effort: sessions expire on their own
      }
    });
  }

  private static String next(RegistryResponse response, String action) {
    return response.header(Headers.LOCATION).orElseThrow(() -> new RegistryOperationException(
        action + " (no Location header to continue the upload at)", response));
  }

  private static RegistryResponse expect(RegistryResponse response, int status, String action) {
    if (response.status() != status) {
      throw new RegistryOperationException(action, response);
    }
    return response;
  }
}
