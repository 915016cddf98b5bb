package dev.regconform.cleanup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.cleanup.CleanupReport.Cause;
import dev.regconform.cleanup.CleanupReport.Leftover;
import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.RegistryClient;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeftoverSweepTest {
  private static final String NS = "regconform/run-1";
  private static final String REPO = NS + "/pull";

  private ContentRegistry registry;
  private RunLedger ledger;
  private RegistryClient client;

  @BeforeEach
  void start() {
    registry = ContentRegistry.start();
    client = RegistryClient.builder(registry.baseUri()).build();
    ledger = RunLedger.open(registry.baseUri());
    ExchangeListeners.add(LedgerRecorder.INSTANCE);
  }

  @AfterEach
  void stop() {
    ExchangeListeners.remove(LedgerRecorder.INSTANCE);
    ledger.close();
    registry.close();
  }

  /** A blob and a manifest naming it, pushed under {@code tag}; returns the manifest's digest. */
  private Digest pushImage(String repository, String tag) {
    byte[] layer = ("layer of " + repository + ":" + tag).getBytes(UTF_8);
    Digest blob = Digest.sha256(layer);
    assertThat(client.uploadMonolithic(repository, blob, layer).status()).as("blob POST").isEqualTo(201);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
        + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + blob + "\",\"size\":"
        + layer.length + "},\"layers\":[],\"annotations\":{\"tag\":\"" + tag + "\"}}").getBytes(UTF_8);
    assertThat(client.putManifest(repository, tag, MediaTypes.OCI_MANIFEST, manifest).status()).as("manifest PUT")
        .isEqualTo(201);
    return Digest.sha256(manifest);
  }

  private CleanupReport sweep(Instant deadline) {
    return new LeftoverSweep(client, registry.baseUri().toString(), "fake", NS, ledger.items(), ledger.repositories())
        .run(deadline);
  }

  @Test
  void content_the_checks_deleted_themselves_is_verified_gone_and_nothing_is_deleted_again() {
    Digest manifest = pushImage(REPO, "v1");
    client.deleteManifest(REPO, manifest.toString());
    client.deleteBlob(REPO, Digest.sha256(("layer of " + REPO + ":v1").getBytes(UTF_8)));

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(report.verified()).as("verified; leftovers: %s", report.leftovers()).isTrue();
    assertThat(report.deletedAtTheEnd()).as("deleted by the sweep").isEmpty();
    assertThat(List.of(report.manifests(), report.tags(), report.blobs())).as("manifests, tags, blobs counted")
        .containsExactly(1, 1, 1);
    assertThat(report.consoleLine())
        .isEqualTo("cleanup: removed everything the run pushed (1 manifest, 1 blob; verified)");
    assertThat(report.warnings(false)).isEmpty();
  }

  @Test
  void content_the_checks_left_is_deleted_manifests_first_and_named_in_a_warning() {
    Digest manifest = pushImage(REPO, "v1");

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(registry.held()).as("what the registry still holds").isEmpty();
    assertThat(report.verified()).isTrue();
    assertThat(report.deletedAtTheEnd()).extracting(LedgerItem::toString).contains(
        "manifest " + REPO + "@" + manifest, "tag " + REPO + ":v1");
    assertThat(report.warnings(false)).singleElement().asString()
        .startsWith("warning: cleanup: the checks' own cleanup missed 1 manifest, 1 tag, 1 blob on fake");
    assertThat(report.warnings(true)).as("after an interruption that is expected").isEmpty();
  }

  @Test
  void a_registry_that_refuses_deletes_gets_its_leftovers_listed_with_the_answer_and_no_bug_warning() {
    Digest manifest = pushImage(REPO, "v1");
    registry.deletes(ContentRegistry.Deletes.OFF);

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(report.verified()).isFalse();
    assertThat(report.leftovers()).extracting(Leftover::cause).containsOnly(Cause.NO_DELETE);
    assertThat(report.leftovers()).extracting(l -> l.item().toString()).containsExactlyInAnyOrder(
        "manifest " + REPO + "@" + manifest, "tag " + REPO + ":v1",
        "blob " + REPO + "@" + Digest.sha256(("layer of " + REPO + ":v1").getBytes(UTF_8)));
    assertThat(report.consoleLine()).isEqualTo("cleanup: left behind: 1 manifest, 1 tag, 1 blob (the registry does not "
        + "allow deletes: DELETE answered 405 UNSUPPORTED)");
    assertThat(report.warnings(false)).as("refused deletes are not the toolkit's fault").isEmpty();
  }

  @Test
  void a_registry_that_answers_404_to_deletes_of_what_it_serves_is_one_that_does_not_delete() {
    pushImage(REPO, "v1");
    registry.deletes(ContentRegistry.Deletes.NOT_FOUND);

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(report.leftovers()).extracting(Leftover::cause).containsOnly(Cause.NO_DELETE);
    assertThat(report.consoleLine()).isEqualTo("cleanup: left behind: 1 manifest, 1 tag, 1 blob (the registry does not "
        + "delete: DELETE answered 404 for content it serves)");
    assertThat(report.warnings(false)).as("a registry without deletes is not the toolkit's fault").isEmpty();
  }

  @Test
  void a_registry_that_accepts_deletes_but_keeps_the_content_gets_a_loud_warning() {
    pushImage(REPO, "v1");
    registry.deletes(ContentRegistry.Deletes.IGNORED);

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(report.leftovers()).extracting(Leftover::cause).containsOnly(Cause.REMAINS);
    assertThat(report.leftovers()).extracting(Leftover::reason)
        .containsOnly("still served after its DELETE was accepted");
    assertThat(report.warnings(false)).first().asString().startsWith("WARNING: cleanup: 1 manifest, 1 tag, 1 blob of "
        + "the run remain on fake, which does delete");
  }

  @Test
  void a_tag_nobody_recorded_in_a_repository_of_the_run_is_found_and_deleted() {
    ledger.close(); // as a real client pushes: past the toolkit's HTTP client
    Digest manifest = pushImage(REPO, "pushed-by-docker");
    ledger = RunLedger.open(registry.baseUri());
    ledger.repository(REPO);

    CleanupReport report = sweep(Instant.now().plusSeconds(30));

    assertThat(report.deletedAtTheEnd()).extracting(LedgerItem::toString).containsExactlyInAnyOrder(
        "tag " + REPO + ":pushed-by-docker", "manifest " + REPO + "@" + manifest,
        "blob " + REPO + "@" + Digest.sha256(("layer of " + REPO + ":pushed-by-docker").getBytes(UTF_8)));
    assertThat(registry.held()).as("what the registry still holds").isEmpty();
  }

  @Test
  void what_the_time_limit_leaves_unchecked_is_reported_as_unknown() {
    pushImage(REPO, "v1");

    CleanupReport report = sweep(Instant.now().minusSeconds(1));

    assertThat(report.leftovers()).hasSize(3).extracting(Leftover::cause).containsOnly(Cause.UNKNOWN);
    assertThat(report.consoleLine()).isEqualTo(
        "cleanup: left behind: 1 manifest, 1 tag, 1 blob (not checked: the time limit ran out)");
  }
}
