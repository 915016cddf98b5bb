package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.assertions.UnacceptableResponseError;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.model.ImageManifest;
import dev.regconform.scenarios.DigestAlgorithmSupport;
import dev.regconform.scenarios.ScenarioSupport;
import dev.regconform.target.RunOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pushing a manifest by digest with {@code ?tag=} parameters (HEAD spec "Pushing Manifests", end-7b). */
@Tag("manifests")
@DisplayName("Manifest PUT with tag parameters")
public class ManifestTagParameterScenarios extends ScenarioSupport {
  /** Ten tags: the spec asks registries to take at least ten per request. */
  private static final List<String> TAGS = IntStream.rangeClosed(1, 10).mapToObj(i -> "tag-param-" + i).toList();

  /**
   * The spec's main branch lets a registry take tags with a push by digest: {@code PUT
   * /v2/<name>/manifests/<digest>?tag=a&tag=b}. The feature is a MAY; a registry that offers it SHOULD take at
   * least ten tags per request and MUST name every tag it applied in {@code OCI-Tag} (RFC 9110 list syntax, over
   * one or more headers). So: the PUT stores the manifest by digest (201, its digest, GET by digest gives the
   * bytes) whether or not tags are taken; each tag named in {@code OCI-Tag} was requested and resolves to the exact
   * bytes; each requested tag that resolves is named in {@code OCI-Tag}; and with ten tags sent, a requested tag
   * left out is a warning (the ten-tag SHOULD). A registry that sends no {@code OCI-Tag} and creates none of the
   * tags does not offer the feature: unsupported.
   *
   * <p>Versions 1.0 and 1.1 of the spec do not define tag parameters (the official suite runs its test only with
   * {@code OCI_VERSION=dev}). This check runs under every {@code --spec}, but only {@code --spec dev} holds the
   * registry to the main branch's levels; under 1.0 and 1.1 what would fail is reported as a warning (MAY), since
   * a registry conforming to those versions may treat the parameters any way. Under every version a 5xx fails.
   */
  @Test
  @CheckId("manifests.push.tag-parameters")
  @Covers("R43")
  void a_manifest_PUT_by_digest_with_tag_parameters_names_each_tag_it_applied_in_OCI_Tag() {
    TestImage image = scenario.newImage(512);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    ImageManifest manifest = image.manifest();
    assertTagParameters(repo, manifest.raw(), manifest.mediaType(), manifest.digest());
  }

  /**
   * The same with a manifest addressed by its sha512 digest (the official suite's {@code tag-param-sha512} data set):
   * tag parameters are about tags, not about the digest's algorithm. A registry that refuses sha512 manifests as such
   * (400 DIGEST_INVALID or UNSUPPORTED) ends the check unsupported.
   */
  @Test
  @CheckId("manifests.push.tag-parameters-sha512")
  @Covers({"R43", "R77"})
  @RequiresFeature(Feature.SHA512)
  void a_manifest_PUT_by_its_sha512_digest_with_tag_parameters_names_each_tag_it_applied_in_OCI_Tag() {
    String repository = scenario.repository("sha512");
    TestImage image = scenario.newImage(512);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repository, b));
    ImageManifest manifest = image.manifest();
    assertTagParameters(repository, manifest.raw(), manifest.mediaType(), Digest.sha512(manifest.raw()));
  }

  private void assertTagParameters(String repository, byte[] body, String mediaType, Digest digest) {
    RegistryResponse put = registry.putManifestWithTags(repository, digest, TAGS, mediaType, body);
    scenario.cleanup().recordManifest(repository, digest);
    if (digest.algorithm() != DigestAlgorithm.SHA256) {
      DigestAlgorithmSupport.unsupportedIfRefused(put, digest.algorithm());
    }
    atSpecLevel(() -> {
      // A registry may answer a sha512 reference with its canonical (sha256) digest; it must be one of these bytes.
      assertThat(put).hasStatus(201).hasHeader(Headers.DOCKER_CONTENT_DIGEST);
      assertThat(put.contentDigest().filter(d -> d.matches(body))).as("Docker-Content-Digest of%n  %s%nis a digest of "
          + "the manifest sent (%s)", put.describe(), digest).isPresent();
      assertThat(registry.getManifest(repository, digest.toString(), ANY_MANIFEST)).hasStatus(200).hasBody(body);
    });

    List<String> named = RegistryClient.ociTags(put);
    Map<String, RegistryResponse> pulls = new LinkedHashMap<>();
    for (String tag : TAGS) {
      pulls.put(tag, registry.getManifest(repository, tag, ANY_MANIFEST));
    }
    List<String> applied = TAGS.stream().filter(t -> pulls.get(t).status() == 200).toList();
    if (named.isEmpty() && applied.isEmpty()) {
      Unsupported.because("tag parameters are not offered: " + put.requestLine() + " answered " + put.status()
          + " without OCI-Tag, and GET of each tag answered " + pulls.values().stream().map(RegistryResponse::status)
          .toList());
    }
    atSpecLevel(() -> {
      assertThat(named).as("the tags named in OCI-Tag %s of%n  %s%nare tags the PUT asked for %s", named,
          put.describe(), TAGS).isSubsetOf(TAGS);
      for (String tag : named) {
        assertThat(pulls.get(tag)).hasStatus(200).hasBody(body);
      }
      assertThat(named).as("OCI-Tag of%n  %s%nnames every tag the registry applied (GET by tag answered 200 for %s)",
          put.describe(), applied).containsAll(applied);
    });
    if (!named.containsAll(TAGS)) {
      throw new RecommendationNotMetError(Level.SHOULD, new AssertionError(String.format("%nExpecting the registry to "
          + "take all ten tags of%n  <%s>%n(it SHOULD take at least ten per request) but OCI-Tag names only:%n  <%s>%n"
          + "Exchange:%n  %s", put.requestLine(), named, put.describe().replace("\n", "\n  "))));
    }
  }

  /** Runs the assertions at the main branch's level under {@code --spec dev}, as a MAY (a warning) otherwise. */
  private void atSpecLevel(Runnable assertions) {
    String version = scenario.configuration(RunOptions.SPEC).orElse("1.1");
    try {
      assertions.run();
    } catch (AssertionError e) {
      if (version.equals(RunOptions.DEV) || e instanceof UnacceptableResponseError
          || e instanceof RecommendationNotMetError) {
        throw e;
      }
      throw new RecommendationNotMetError(Level.MAY, new AssertionError("spec " + version + " does not define tag "
          + "parameters (end-7b of the main branch; --spec dev makes this a failure):" + e.getMessage(), e));
    }
  }
}
