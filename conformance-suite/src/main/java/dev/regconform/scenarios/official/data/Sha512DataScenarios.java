package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.DigestAlgorithmSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code sha512} data set: blobs, an image manifest and an index all addressed by sha512. The
 * blobs are uploaded by their sha512 digest (without {@code digest-algorithm}, as the official suite does), the
 * manifest's descriptors name them by sha512, the index's entry names the manifest by sha512, and each manifest is
 * PUT by its own sha512 digest and pulled back by it. A registry that refuses sha512 (400 DIGEST_INVALID or
 * UNSUPPORTED) does not offer the feature: unsupported.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: sha512 manifests and index")
public class Sha512DataScenarios {
  private RegistryClient registry;
  private String repo;
  private final List<RegistryResponse> blobPuts = new ArrayList<>();
  private ImageManifest manifest;
  private Digest manifestDigest;
  private RegistryResponse manifestPut;
  private ImageIndex index;
  private Digest indexDigest;
  private RegistryResponse indexPut;

  @BeforeAll
  void pushSha512Content(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    byte[] layer = DataSets.tar("regconform/sha512.txt", DataSets.unique("sha512 layer"));
    Descriptor layerDescriptor = Descriptor.of(MediaTypes.OCI_LAYER_TAR, Digest.sha512(layer), layer.length);
    byte[] config = DataSets.imageConfig(List.of(Digest.sha512(layer)));
    Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha512(config), config.length);
    blobPuts.add(DataSets.uploadBlob(scenario, repo, layer, layerDescriptor.digest()));
    blobPuts.add(DataSets.uploadBlob(scenario, repo, config, configDescriptor.digest()));
    manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, configDescriptor, List.of(layerDescriptor));
    manifestDigest = Digest.sha512(manifest.raw());
    manifestPut = DataSets.putManifest(scenario, repo, manifestDigest.toString(), manifest.mediaType(),
        manifest.raw(), manifestDigest);
    index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(
        Descriptor.of(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.raw().length)
            .withPlatform(Platform.of("linux", "amd64"))));
    indexDigest = Digest.sha512(index.raw());
    indexPut = DataSets.putManifest(scenario, repo, indexDigest.toString(), index.mediaType(), index.raw(),
        indexDigest);
  }

  @Test
  @CheckId("manifests.data.sha512.manifest-push")
  @Covers({"R77", "R41"})
  @RequiresFeature(Feature.SHA512)
  void a_manifest_of_sha512_blobs_is_accepted_by_its_sha512_digest() {
    requireBlobs();
    DigestAlgorithmSupport.unsupportedIfRefused(manifestPut, DigestAlgorithm.SHA512);
    assertThat(manifestPut).hasStatus(201).hasLocationHeader();
    DataSets.assertDigestHeaderMatches(manifestPut, manifest.raw());
  }

  @Test
  @CheckId("manifests.data.sha512.manifest-pull")
  @Covers({"R77", "R40"})
  @RequiresFeature(Feature.SHA512)
  void the_manifest_pulls_back_as_sent_by_its_sha512_digest() {
    requireBlobs();
    DigestAlgorithmSupport.unsupportedIfRefused(manifestPut, DigestAlgorithm.SHA512);
    DataSets.requireStored(manifestPut, "manifests.data.sha512.manifest-push");
    RegistryResponse get = registry.getManifest(repo, manifestDigest.toString(), Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200).hasBody(manifest.raw());
    DataSets.assertDigestHeaderMatches(get, manifest.raw());
  }

  @Test
  @CheckId("manifests.data.sha512.index-push")
  @Covers({"R77", "R41"})
  @RequiresFeature(Feature.SHA512)
  void an_index_of_a_sha512_manifest_is_accepted_by_its_sha512_digest() {
    requireBlobs();
    DigestAlgorithmSupport.unsupportedIfRefused(manifestPut, DigestAlgorithm.SHA512);
    DigestAlgorithmSupport.unsupportedIfRefused(indexPut, DigestAlgorithm.SHA512);
    assertThat(indexPut).hasStatus(201).hasLocationHeader();
    DataSets.assertDigestHeaderMatches(indexPut, index.raw());
  }

  @Test
  @CheckId("manifests.data.sha512.index-pull")
  @Covers({"R77", "R40"})
  @RequiresFeature(Feature.SHA512)
  void the_index_pulls_back_as_sent_by_its_sha512_digest() {
    requireBlobs();
    DigestAlgorithmSupport.unsupportedIfRefused(manifestPut, DigestAlgorithm.SHA512);
    DigestAlgorithmSupport.unsupportedIfRefused(indexPut, DigestAlgorithm.SHA512);
    DataSets.requireStored(indexPut, "manifests.data.sha512.index-push");
    RegistryResponse get = registry.getManifest(repo, indexDigest.toString(), Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200).hasBody(index.raw());
    DataSets.assertDigestHeaderMatches(get, index.raw());
  }

  @Test
  @CheckId(value = "manifests.data.sha512.content-type", level = Level.SHOULD)
  @Covers({"R5", "R77"})
  @RequiresFeature(Feature.SHA512)
  void the_sha512_manifest_and_index_are_served_with_their_media_types() {
    requireBlobs();
    DigestAlgorithmSupport.unsupportedIfRefused(manifestPut, DigestAlgorithm.SHA512);
    DataSets.requireStored(manifestPut, "manifests.data.sha512.manifest-push");
    DataSets.assertServedAs(registry, repo, manifestDigest.toString(), MediaTypes.OCI_MANIFEST);
    DigestAlgorithmSupport.unsupportedIfRefused(indexPut, DigestAlgorithm.SHA512);
    DataSets.requireStored(indexPut, "manifests.data.sha512.index-push");
    DataSets.assertServedAs(registry, repo, indexDigest.toString(), MediaTypes.OCI_INDEX);
  }

  /** The sha512 blobs were stored; a registry that refuses sha512 digests ends the check unsupported. */
  private void requireBlobs() {
    for (RegistryResponse put : blobPuts) {
      DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
      assertThat(put).as("upload of a blob by its sha512 digest").hasStatus(201);
    }
  }
}
