package dev.regconform.client;

import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import java.util.function.BiConsumer;

/**
 * Pushes content the way docker, skopeo and Jib do (POST, one streamed PATCH, PUT), for checks that need
 * content in place before they look at something else. Unlike {@link RegistryClient}, it throws
 * {@link RegistryOperationException} when a step does not get the status the spec requires.
 *
 * <pre>{@code
 * ContentPusher pusher = new ContentPusher(client, cleanup::recordBlob, cleanup::recordManifest);
 * pusher.pushImage("acme/app", image, "1.3", "latest");
 * }</pre>
 */
public final class ContentPusher {
  private final RegistryClient client;
  private final BiConsumer<String, Digest> blobPushed;
  private final BiConsumer<String, Digest> manifestPushed;

  /**
   * A pusher that goes through {@code client} and reports what it stored.
   *
   * @param client the client to push with; its authentication and timeouts apply
   * @param blobPushed told (repository, digest) after each blob lands, e.g. to delete it afterwards
   * @param manifestPushed told (repository, digest) after each manifest lands
   */
  public ContentPusher(RegistryClient client, BiConsumer<String, Digest> blobPushed,
      BiConsumer<String, Digest> manifestPushed) {
    this.client = client;
    this.blobPushed = blobPushed;
    this.manifestPushed = manifestPushed;
  }

  /**
   * Uploads every blob of the image (config and layers, each as {@link #pushBlob} does), then PUTs its manifest under
   * each reference.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param image the image to push
   * @param references the tags and/or the manifest's digest to PUT the manifest under; none pushes only the blobs
   * @throws RegistryOperationException at the first step the registry does not answer as the spec requires
   */
  public void pushImage(String repository, TestImage image, String... references) {
    for (TestBlob blob : image.blobs()) {
      pushBlob(repository, blob);
    }
    for (String reference : references) {
      pushManifest(repository, reference, image.manifest());
    }
  }

  /**
   * Uploads one blob: end-4a POST, end-5 one PATCH with the whole content streamed from its file, end-6 PUT
   * {@code ?digest=}; then tells {@code blobPushed}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param blob the blob, read from its file
   * @throws RegistryOperationException when the POST or PATCH does not answer 202 with a {@code Location}, or the
   *     PUT does not answer 201
   */
  public void pushBlob(String repository, TestBlob blob) {
    String action = "upload blob " + blob.digest() + " to " + repository;
    RegistryResponse start = expect(client.startUpload(repository), 202, action + " (POST)");
    RegistryResponse patch = expect(client.patchUpload(location(start, action), blob.file()), 202, action + " (PATCH)");
    expect(client.completeUpload(location(patch, action), blob.digest(), null), 201, action + " (PUT)");
    blobPushed.accept(repository, blob.digest());
  }

  /**
   * POST, one PATCH with {@code content}, then PUT ?digest= with its sha256 digest: a small blob (an empty config, an
   * artifact's layer) pushed as docker pushes it; then tells {@code blobPushed}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param content the blob's bytes
   * @return the PUT's answer (201), e.g. to read its {@code Location}
   * @throws RegistryOperationException when a step does not get the status the spec requires
   */
  public RegistryResponse pushBytes(String repository, byte[] content) {
    Digest digest = Digest.sha256(content);
    String action = "upload blob " + digest + " (" + content.length + " bytes) to " + repository;
    RegistryResponse start = expect(client.startUpload(repository), 202, action + " (POST)");
    RegistryResponse patch = expect(client.patchUpload(location(start, action), content, null), 202, action + " (PATCH)");
    RegistryResponse put = expect(client.completeUpload(location(patch, action), digest, null), 201, action + " (PUT)");
    blobPushed.accept(repository, digest);
    return put;
  }

  /**
   * PUTs a manifest's exact bytes under a tag or digest (end-7a), with its media type as {@code Content-Type}; then
   * tells {@code manifestPushed}. The blobs it references must be in the repository already.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param reference a tag, or the manifest's digest
   * @param manifest the manifest
   * @throws RegistryOperationException when the registry does not answer 201
   */
  public void pushManifest(String repository, String reference, Manifest manifest) {
    expect(client.putManifest(repository, reference, manifest.mediaType(), manifest.raw()), 201,
        "push manifest " + manifest.digest() + " to " + repository + ":" + reference);
    manifestPushed.accept(repository, manifest.digest());
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
