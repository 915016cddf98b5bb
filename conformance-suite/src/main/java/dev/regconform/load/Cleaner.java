package dev.regconform.load;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.model.ImageManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Deletes what a load run pushed: in each of its repositories, every tagged image (GET the manifest, DELETE it by
 * digest, DELETE its layer), then the config blob. Repositories cannot be deleted through the API; once empty,
 * registries list them no more or keep them as empty names. The first refusal of a repository (e.g. 405 UNSUPPORTED
 * where deletion is off) stops its cleanup: the rest would be refused the same way.
 */
final class Cleaner {
  private static final int MAX_TAG_PAGES = 10_000;

  private final RegistryClient registry;
  private final List<String> repositories;
  private final Digest config;
  private final int threads;
  private final LongAdder manifests = new LongAdder();
  private final LongAdder blobs = new LongAdder();

  Cleaner(RegistryClient registry, List<String> repositories, Digest config, int threads) {
    this.registry = registry;
    this.repositories = repositories;
    this.config = config;
    this.threads = Math.max(1, threads);
  }

  Cleanup run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "regconform-load-cleanup");
      t.setDaemon(true);
      return t;
    });
    List<String> left = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (String repository : repositories) {
        clean(repository, pool).ifPresent(left::add);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Cleanup(manifests.sum(), blobs.sum(), left, (System.nanoTime() - started) / 1e9);
  }

  /** One line on what stays in {@code repository} and why, or empty when all went. */
  private Optional<String> clean(String repository, ExecutorService pool) throws InterruptedException {
    List<String> tags;
    try {
      tags = tags(repository);
    } catch (RuntimeException e) {
      return Optional.of(repository + ": its images stay; listing its tags failed: " + Outcome.of(e).detail());
    }
    AtomicReference<String> refusal = new AtomicReference<>();
    LongAdder stay = new LongAdder();
    List<Callable<Void>> deletions = new ArrayList<>();
    for (String tag : tags) {
      deletions.add(() -> {
        if (refusal.get() != null) {
          stay.increment();
          return null;
        }
        Optional<String> refused;
        try {
          refused = deleteImage(repository, tag);
        } catch (RuntimeException | AssertionError e) {
          refused = Optional.of(Outcome.of(e).detail());
        }
        refused.ifPresent(r -> {
          stay.increment();
          refusal.compareAndSet(null, r);
        });
        return null;
      });
    }
    pool.invokeAll(deletions);
    if (refusal.get() == null) {
      try {
        RegistryResponse deleted = registry.deleteBlob(repository, config);
        if (deleted.status() / 100 == 2) {
          blobs.increment();
        } else if (deleted.status() != 404 || !tags.isEmpty()) {
          refusal.set(Outcome.refused(deleted).detail());
        }
      } catch (RuntimeException e) {
        refusal.set(Outcome.of(e).detail());
      }
    }
    if (refusal.get() == null) {
      return Optional.empty();
    }
    long images = stay.sum();
    return Optional.of(repository + ": " + (images == 0 ? "its config blob stays" : images + " of its "
        + tags.size() + " images stay") + " (" + refusal.get() + ")");
  }

  /** Every tag of the repository, over as many pages as the registry serves; none when it does not know the name. */
  private List<String> tags(String repository) {
    List<String> tags = new ArrayList<>();
    RegistryResponse page = registry.listTags(repository);
    for (int pages = 0; pages < MAX_TAG_PAGES; pages++) {
      if (page.status() == 404) {
        return tags;
      }
      if (page.status() != 200) {
        throw new IllegalStateException(Outcome.refused(page).detail());
      }
      tags.addAll(RegistryClient.tagsOf(page).orElse(List.of()));
      Optional<String> next = registry.nextLink(page);
      if (next.isEmpty()) {
        break;
      }
      page = registry.getLocation(next.get(), List.of());
    }
    return tags;
  }

  /** Deletes the tag's manifest and its layers; says what the registry refused, if it refused. */
  private Optional<String> deleteImage(String repository, String tag) {
    RegistryResponse got = registry.getManifest(repository, tag, List.of(dev.regconform.model.MediaTypes.OCI_MANIFEST));
    if (got.status() != 200) {
      return Optional.of(Outcome.refused(got).detail());
    }
    Digest digest = got.contentDigest().orElseGet(() -> got.bodyDigest(DigestAlgorithm.SHA256));
    RegistryResponse deleted = registry.deleteManifest(repository, digest.toString());
    if (deleted.status() / 100 != 2) {
      return Optional.of(Outcome.refused(deleted).detail());
    }
    manifests.increment();
    for (Descriptor layer : ImageManifest.parse(got.body()).layers()) {
      RegistryResponse blob = registry.deleteBlob(repository, layer.digest());
      if (blob.status() / 100 != 2) {
        return Optional.of(Outcome.refused(blob).detail());
      }
      blobs.increment();
    }
    return Optional.empty();
  }
}
