package dev.regconform.scenarios.discovery;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryOperationException;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;

/**
 * Pushes a few bytes as a blob the way docker and skopeo do (POST, one streamed PATCH, PUT ?digest) and
 * records it for cleanup: the empty config {@code {}} and the small layers of artifacts.
 */
final class SmallBlobs {
  private SmallBlobs() {}

  /** Uploads {@code content} to {@code repository}; throws {@link RegistryOperationException} on a wrong status. */
  static Digest push(Scenario scenario, String repository, byte[] content) {
    RegistryClient client = scenario.client();
    Digest digest = Digest.sha256(content);
    String action = "upload blob " + digest + " (" + content.length + " bytes) to " + repository;
    RegistryResponse start = expect(client.startUpload(repository), 202, action + " (POST)");
    RegistryResponse patch = expect(client.patchUpload(location(start, action), content, null), 202, action + " (PATCH)");
    expect(client.completeUpload(location(patch, action), digest, null), 201, action + " (PUT)");
    scenario.cleanup().recordBlob(repository, digest);
    return digest;
  }

  private static String location(RegistryResponse response, String action) {
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
