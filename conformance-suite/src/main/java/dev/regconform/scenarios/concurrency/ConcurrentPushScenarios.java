package dev.regconform.scenarios.concurrency;

import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.concurrency.Findings;
import dev.regconform.concurrency.Race;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec "Pushing blobs" and "Pushing Manifests", several clients at once (R88): the same blob or manifest pushed by
 * {@value Races#CLIENTS} clients together, and uploads of different blobs interleaved chunk by chunk in one repository.
 */
@Tag("concurrency")
@DisplayName("Concurrent pushes")
public class ConcurrentPushScenarios extends ScenarioSupport {
  private static final int BLOB_SIZE = 256 * 1024;
  private static final int CHUNK = 4096;
  private static final int CHUNKS = 3;

  @Test
  @CheckId("concurrency.blob.same-blob")
  @Covers({"R88"})
  void the_same_blob_pushed_by_8_clients_at_once_is_stored_once_with_exactly_its_bytes() {
    String repo = scenario.repository("same-blob");
    byte[] content = Content.newContent(BLOB_SIZE);
    Digest digest = Digest.sha256(content);
    scenario.cleanup().recordBlob(repo, digest);
    Findings findings = new Findings();

    List<Race.Result<RegistryResponse>> puts = Race.run(Races.CLIENTS, Races.LIMIT,
        i -> pushInOnePatch(i, repo, content, digest, findings).orElse(null));

    long stored = Races.values(puts, findings).stream().filter(put -> put != null && put.status() == 201).count();
    if (stored == 0) {
      findings.add("no client's upload was accepted with 201");
    }
    Races.expectBlob(registry, findings, "afterwards", repo, digest, content);
    findings.verify(Races.CLIENTS + " clients each pushing blob " + digest + " (" + BLOB_SIZE + " bytes) in a session"
        + " of its own at once to get 201 (or a clean 4xx), and the blob then to come back with exactly its bytes");
  }

  @Test
  @CheckId("concurrency.manifest.same-manifest")
  @Covers({"R88"})
  void the_same_manifest_pushed_by_8_clients_at_once_to_one_tag_gets_201_and_pulls_back_byte_for_byte() {
    String repo = scenario.repository("same-manifest");
    TestImage image = scenario.newImage(1024);
    for (TestBlob blob : image.blobs()) {
      scenario.pusher().pushBlob(repo, blob);
    }
    Manifest manifest = image.manifest();
    scenario.cleanup().recordManifest(repo, manifest.digest());
    Findings findings = new Findings();

    List<Race.Result<RegistryResponse>> puts = Race.run(Races.CLIENTS, Races.LIMIT,
        i -> registry.putManifest(repo, "shared", manifest.mediaType(), manifest.raw()));

    List<RegistryResponse> answers = Races.values(puts, findings);
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i) != null && findings.expect("client " + i, answers.get(i), 201)) {
        Races.expectDigestHeader(findings, "client " + i, answers.get(i), manifest.digest());
      }
    }
    for (String reference : List.of("shared", manifest.digest().toString())) {
      RegistryResponse get = registry.getManifest(repo, reference, ANY_MANIFEST);
      if (findings.expect("afterwards", get, 200)) {
        findings.expectBody("afterwards", get, manifest.raw());
      }
    }
    findings.verify(Races.CLIENTS + " clients each PUTting manifest " + manifest.digest() + " to " + repo
        + ":shared at once to get 201 with that digest, and the manifest then to pull back byte for byte");
  }

  @Test
  @CheckId("concurrency.upload.interleaved")
  @Covers({"R88"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void uploads_of_8_blobs_interleaved_chunk_by_chunk_each_store_exactly_their_own_bytes() {
    String repo = scenario.repository("interleaved");
    Findings findings = new Findings();
    List<RegistryResponse> posts = Races.values(Race.run(Races.CLIENTS, Races.LIMIT, i -> registry.startUpload(repo)),
        findings);
    int chunk = posts.stream().filter(p -> p != null).map(p -> p.header(Headers.OCI_CHUNK_MIN_LENGTH))
        .flatMap(Optional::stream).map(String::trim).filter(v -> v.matches("\\d{1,9}")).mapToInt(Integer::parseInt)
        .reduce(CHUNK, Math::max);
    List<byte[]> contents = new ArrayList<>();
    String[] locations = new String[Races.CLIENTS];
    for (int i = 0; i < Races.CLIENTS; i++) {
      contents.add(Content.newContent(CHUNKS * chunk));
      scenario.cleanup().recordBlob(repo, Digest.sha256(contents.get(i)));
      locations[i] = next("session " + i, posts.get(i), 202, false, findings);
    }
    for (int c = 0; c < CHUNKS; c++) {
      int from = c * chunk;
      // Each round sends chunk c of every session at once, so the registry sees the sessions' chunks interleaved.
      Races.values(Race.run(Races.CLIENTS, Races.LIMIT, i -> locations[i] == null ? null
          : (locations[i] = next("session " + i, registry.patchUpload(locations[i],
              Arrays.copyOfRange(contents.get(i), from, from + chunk), from + "-" + (from + chunk - 1)), 202, false,
              findings))), findings);
    }
    List<RegistryResponse> puts = Races.values(Race.run(Races.CLIENTS, Races.LIMIT, i -> locations[i] == null ? null
        : registry.completeUpload(locations[i], Digest.sha256(contents.get(i)), null)), findings);
    for (int i = 0; i < Races.CLIENTS; i++) {
      Digest digest = Digest.sha256(contents.get(i));
      if (puts.get(i) != null && findings.expect("session " + i, puts.get(i), 201)) {
        Races.expectDigestHeader(findings, "session " + i, puts.get(i), digest);
        Races.expectBlob(registry, findings, "session " + i, repo, digest, contents.get(i));
      }
    }
    findings.verify(Races.CLIENTS + " upload sessions in " + repo + ", their " + CHUNKS + " PATCHes of " + chunk
        + " bytes sent at once round by round, each to complete with 201 and its blob to hold exactly its own bytes");
  }

  /** POST, one PATCH with the whole content, PUT ?digest: the PUT's answer, or empty when a step went wrong. */
  private Optional<RegistryResponse> pushInOnePatch(int client, String repo, byte[] content, Digest digest,
      Findings findings) {
    String who = "client " + client;
    String location = next(who, registry.startUpload(repo), 202, true, findings);
    location = location == null ? null : next(who, registry.patchUpload(location, content, null), 202, true, findings);
    if (location == null) {
      return Optional.empty();
    }
    RegistryResponse put = registry.completeUpload(location, digest, null);
    if (put.status() == 201) {
      Races.expectDigestHeader(findings, who, put, digest);
    } else if (!findings.cleanRefusal(who, put)) {
      findings.expect(who, put, 201);
    }
    return Optional.of(put);
  }

  /**
   * The Location to continue an upload at when {@code answer} has {@code status} and names one; else null, with a
   * problem recorded unless {@code refusalAllowed} and the answer is a clean refusal.
   */
  private static String next(String who, RegistryResponse answer, int status, boolean refusalAllowed,
      Findings findings) {
    if (answer == null) {
      return null;
    }
    if (answer.status() != status) {
      if (!(refusalAllowed && findings.cleanRefusal(who, answer))) {
        findings.expect(who, answer, status);
      }
      return null;
    }
    Optional<String> location = answer.header(Headers.LOCATION);
    if (location.isEmpty()) {
      findings.add(who + ": " + answer.requestLine() + " answered " + status + " without a Location", answer);
    }
    return location.orElse(null);
  }
}
