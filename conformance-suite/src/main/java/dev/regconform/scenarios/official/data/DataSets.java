package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryOperationException;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.Scenario;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.Accept;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the data-set scenarios of the official suite's rewrite (conformance v2, catalog 2.3) share: small blobs
 * built in memory and pushed the way docker does, manifest PUTs recorded for cleanup, and the pull and Content-Type
 * assertions every data set gets.
 */
final class DataSets {
  /** What docker and skopeo send when pulling: every manifest type they understand. */
  static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  static final Descriptor EMPTY_CONFIG = Descriptor.of(MediaTypes.OCI_EMPTY, EMPTY_JSON);
  static final String ARTIFACT_TYPE = "application/vnd.regconform.example.v1";
  static final String OCI_SUBJECT = "OCI-Subject";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime());

  private DataSets() {}

  /** Bytes no other push of this run has: a label and a counter. */
  static byte[] unique(String label) {
    return ("regconform " + label + " " + COUNTER.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
  }

  /** An uncompressed tar (no gzip) holding one regular file, with every varying header field pinned. */
  static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(content.length);
      entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
      entry.setModTime(0L);
      entry.setUserId(0);
      entry.setGroupId(0);
      entry.setUserName("");
      entry.setGroupName("");
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build a tar in memory", e);
    }
    return out.toByteArray();
  }

  /** An OCI image config whose rootfs lists {@code diffIds}. */
  static byte[] imageConfig(List<Digest> diffIds) {
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds.stream().map(Digest::toString).toList());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.put("rootfs", rootfs);
    return json(config);
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a test document", e);
    }
  }

  /** A descriptor as a JSON map, to add fields the model does not know. */
  static Map<String, Object> descriptorMap(Descriptor d) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mediaType", d.mediaType());
    map.put("digest", d.digest().toString());
    map.put("size", d.size());
    return map;
  }

  /**
   * Uploads {@code content} under {@code digest} (POST, one streamed PATCH, PUT ?digest, as docker does) and
   * returns the closing PUT's answer; records the blob for cleanup when it was stored. Throws
   * {@link RegistryOperationException} when the POST or PATCH fail, as nothing could then be checked.
   */
  static RegistryResponse uploadBlob(Scenario scenario, String repository, byte[] content, Digest digest) {
    RegistryClient client = scenario.client();
    String action = "upload blob " + digest + " (" + content.length + " bytes) to " + repository;
    RegistryResponse start = expect(client.startUpload(repository), 202, action + " (POST)");
    RegistryResponse patch = expect(client.patchUpload(location(start, action), content, null), 202,
        action + " (PATCH)");
    RegistryResponse put = client.completeUpload(location(patch, action), digest, null);
    if (put.status() == 201) {
      scenario.cleanup().recordBlob(repository, digest);
    }
    return put;
  }

  /** Uploads {@code content} by its sha256 digest as docker does; throws {@link RegistryOperationException} unless stored. */
  static Descriptor pushBlob(Scenario scenario, String repository, String mediaType, byte[] content) {
    scenario.pusher().pushBytes(repository, content);
    return Descriptor.of(mediaType, content);
  }

  /** Uploads the blobs of {@code image} and returns its manifest as a data-set member, pushed by digest only. */
  static DataSetManifest image(Scenario scenario, String label, TestImage image) {
    for (TestBlob blob : image.blobs()) {
      scenario.pusher().pushBlob(scenario.repository(), blob);
    }
    return DataSetManifest.of(label, image.manifest());
  }

  /** PUTs a manifest's bytes as {@code mediaType} under {@code reference}; records it for cleanup when stored. */
  static RegistryResponse putManifest(Scenario scenario, String repository, String reference, String mediaType,
      byte[] body, Digest digest) {
    RegistryResponse put = scenario.client().putManifest(repository, reference, mediaType, body);
    if (put.status() >= 200 && put.status() < 300) {
      scenario.cleanup().recordManifest(repository, digest);
    }
    return put;
  }

  /** The answer to a manifest PUT that is accepted: 201, a Location, and the digest of the bytes sent. */
  static void assertAccepted(RegistryResponse put, Digest digest) {
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigest(digest);
  }

  /** GET of {@code reference} answers 200 with exactly {@code body}; its Docker-Content-Digest, if any, is its own. */
  static void assertPullsBack(RegistryClient registry, String repository, String reference, byte[] body,
      Digest digest) {
    assertThat(registry.getManifest(repository, reference, Accept.ANY_MANIFEST)).hasStatus(200).hasBody(body)
        .hasContentDigestIfPresent(digest);
  }

  /** GET of {@code reference} answers 200 with Content-Type {@code mediaType}. */
  static void assertServedAs(RegistryClient registry, String repository, String reference, String mediaType) {
    assertThat(registry.getManifest(repository, reference, Accept.ANY_MANIFEST)).hasStatus(200).hasContentType(mediaType);
  }

  /**
   * Skips a check that reads content back when the push it needs was not accepted (the push check reports that);
   * fails it when the registry refused the credentials (401, 403), as every check then does.
   */
  static void requireStored(RegistryResponse put, String pushCheck) {
    if (put.status() == 401 || put.status() == 403) {
      assertThat(put).hasStatus(201);
    }
    Assumptions.assumeTrue(put.status() == 201, () -> "the manifest was not stored (" + pushCheck
        + " reports that): " + put.requestLine() + " answered " + put.status() + " " + put.errors());
  }

  /**
   * The referrers API is absent when the list of an existing repository answers 404 and no PUT with a subject got
   * {@code OCI-Subject}; checks that need it then end unsupported.
   */
  static void requireReferrersApi(RegistryResponse probe, List<RegistryResponse> putsWithSubject) {
    boolean claimsApi = putsWithSubject.stream().anyMatch(p -> p.header(OCI_SUBJECT).isPresent());
    if (probe.status() == 404 && !claimsApi) {
      Unsupported.because("the referrers API is not offered: " + probe.requestLine() + " answered 404 and no "
          + "manifest PUT with a subject got an OCI-Subject header (clients then use the referrers tag schema)");
    }
  }

  /** The Docker-Content-Digest of a response, if any, is a digest of {@code body} (with whatever algorithm). */
  static void assertDigestHeaderMatches(RegistryResponse response, byte[] body) {
    Optional<Digest> header = response.contentDigest();
    header.ifPresent(d -> assertThat(d.matches(body))
        .as("Docker-Content-Digest %s is a digest of the manifest sent%n  %s", d, response.describe()).isTrue());
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
