package dev.regconform.junit;

import dev.regconform.cleanup.LedgerItem;
import dev.regconform.cleanup.RunLedger;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a scenario pushed, deleted again when the scenario ends: manifests first (newest first), then blobs,
 * because some registries refuse to delete blobs a manifest still references (the order can be reversed, as
 * the official suite's {@code OCI_DELETE_MANIFEST_BEFORE_BLOBS=false} asks). DELETE answers 202 (deleted),
 * 404 (already gone, e.g. deleted with its manifest) and 405 (the registry does not support deletion) are
 * all fine; anything else is collected and reported together, without stopping at the first.
 *
 * <p>A check gets its scenario's cleanup from {@link Scenario#cleanup()}; it records by hand only what it pushed with
 * another client than {@link Scenario#pusher()} (which records for it), e.g. with docker. This class is thread-safe.
 */
public final class Cleanup {
  private record Item(String repository, Digest digest) {}

  private final Deque<Item> manifests = new ArrayDeque<>();
  private final Set<Item> blobs = new LinkedHashSet<>();
  private final Optional<RunLedger> ledger;

  /** A cleanup that records nothing beyond itself. */
  public Cleanup() {
    this(Optional.empty());
  }

  /**
   * A cleanup that also records into the run's ledger, which checks at the end of the run that all of it went.
   *
   * @param ledger the run's ledger; empty when the run keeps none
   */
  public Cleanup(Optional<RunLedger> ledger) {
    this.ledger = ledger;
  }

  /**
   * Records a manifest to delete by digest when the scenario ends. Recording the same one twice deletes it once.
   *
   * @param repository the repository it was pushed to
   * @param digest the manifest's digest
   */
  public synchronized void recordManifest(String repository, Digest digest) {
    Item item = new Item(repository, digest);
    if (!manifests.contains(item)) {
      manifests.push(item);
    }
    ledger.ifPresent(l -> l.stored(LedgerItem.manifest(repository, digest.toString())));
  }

  /**
   * Records a blob to delete when the scenario ends. Recording the same one twice deletes it once.
   *
   * @param repository the repository it was pushed to (or mounted into)
   * @param digest the blob's digest
   */
  public synchronized void recordBlob(String repository, Digest digest) {
    blobs.add(new Item(repository, digest));
    ledger.ifPresent(l -> l.stored(LedgerItem.blob(repository, digest.toString())));
  }

  /**
   * Deletes everything recorded, manifests first, and forgets it.
   *
   * @param client the client to delete with
   * @return one line per DELETE that got an answer other than 202, 404 or 405; empty when all went
   * @throws dev.regconform.client.RegistryUnreachableException when a DELETE gets no answer; the DELETEs after it are
   *     not sent
   */
  public List<String> run(RegistryClient client) {
    return run(client, true);
  }

  /**
   * Deletes everything recorded; returns one line per DELETE that got an unexpected answer.
   *
   * @param client the client to delete with
   * @param manifestsFirst delete manifests before blobs (the default), or blobs first
   * @return one line per DELETE that got an answer other than 202, 404 or 405; empty when all went
   * @throws dev.regconform.client.RegistryUnreachableException when a DELETE gets no answer; the DELETEs after it are
   *     not sent
   */
  public synchronized List<String> run(RegistryClient client, boolean manifestsFirst) {
    List<String> problems = new ArrayList<>();
    if (!manifestsFirst) {
      deleteBlobs(client, problems);
    }
    while (!manifests.isEmpty()) {
      Item m = manifests.pop();
      check(client.deleteManifest(m.repository(), m.digest().toString()), problems);
    }
    deleteBlobs(client, problems);
    return problems;
  }

  private void deleteBlobs(RegistryClient client, List<String> problems) {
    for (Item b : blobs) {
      check(client.deleteBlob(b.repository(), b.digest()), problems);
    }
    blobs.clear();
  }

  private static void check(RegistryResponse response, List<String> problems) {
    int s = response.status();
    if (s != 202 && s != 404 && s != 405) {
      problems.add(response.requestLine() + " -> " + s + " " + response.errors());
    }
  }
}
