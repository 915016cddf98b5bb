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
 */
public final class Cleanup {
  private record Item(String repository, Digest digest) {}

  private final Deque<Item> manifests = new ArrayDeque<>();
  private final Set<Item> blobs = new LinkedHashSet<>();
  private final Optional<RunLedger> ledger;

  public Cleanup() {
    this(Optional.empty());
  }

  /** A cleanup that also records into the run's ledger, which checks at the end of the run that all of it went. */
  public Cleanup(Optional<RunLedger> ledger) {
    this.ledger = ledger;
  }

  public synchronized void recordManifest(String repository, Digest digest) {
    Item item = new Item(repository, digest);
    if (!manifests.contains(item)) {
      manifests.push(item);
    }
    ledger.ifPresent(l -> l.stored(LedgerItem.manifest(repository, digest.toString())));
  }

  public synchronized void recordBlob(String repository, Digest digest) {
    blobs.add(new Item(repository, digest));
    ledger.ifPresent(l -> l.stored(LedgerItem.blob(repository, digest.toString())));
  }

  /** Deletes everything recorded, manifests first; returns one line per DELETE that got an unexpected answer. */
  public List<String> run(RegistryClient client) {
    return run(client, true);
  }

  /**
   * Deletes everything recorded; returns one line per DELETE that got an unexpected answer.
   *
   * @param manifestsFirst delete manifests before blobs (the default), or blobs first
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
