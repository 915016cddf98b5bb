package dev.regconform.load;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.StreamedBlob;
import dev.regconform.client.StreamedPush;
import dev.regconform.fixtures.images.PseudoRandomBlob;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The operations of a load run against a registry, through the toolkit's own {@link RegistryClient} (one client shared
 * by every worker; it is thread-safe and, outside a conformance check, records no exchange). Every image goes to one
 * of the run's own repositories (e.g. {@code regconform/load-20250101-120000-ab12/r0}); an operation picks one at
 * random.
 *
 * <ul>
 *   <li>push: a blob of {@code blobSize} fresh pseudo-random bytes, streamed and digested on the way (POST, one PATCH,
 *       PUT ?digest; {@link RegistryClient#pushStreamed}), then {@code PUT /v2/<repo>/manifests/<new tag>} of an OCI
 *       manifest naming it (and the repository's config blob, pushed when seeding). Needs 202, 202, 201, 201.
 *   <li>pull: {@code GET /v2/<repo>/manifests/<tag>} (200), then {@code GET} of its layer (200), read to the end and
 *       checked against the manifest's digest and size.
 *   <li>head: {@code HEAD /v2/<repo>/manifests/<tag>} (200).
 *   <li>tags: {@code GET /v2/<repo>/tags/list} (200).
 * </ul>
 *
 * <p>Pull and head ask for one of the last 64 tags pushed to the repository, seeds included.
 */
public final class RegistryWorkload implements Workload {
  private static final List<String> ACCEPT = List.of(MediaTypes.OCI_MANIFEST);
  private static final int RECENT_TAGS = 64;

  private final RegistryClient registry;
  private final List<String> repositories;
  private final long blobSize;
  private final List<RecentTags> recent = new ArrayList<>();
  private final Descriptor config;
  private final byte[] configBytes;
  private final AtomicLong pushes = new AtomicLong();

  /**
   * @param repositories the run's own repositories, at least one, each fresh
   * @param blobSize the size of each pushed layer, at least 1 byte
   * @param runId names the run in the config blob, so that two runs never share it
   */
  public RegistryWorkload(RegistryClient registry, List<String> repositories, long blobSize, String runId) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.repositories = List.copyOf(repositories);
    if (this.repositories.isEmpty()) {
      throw new IllegalArgumentException("a load run needs at least one repository");
    }
    if (blobSize < 1) {
      throw new IllegalArgumentException("a pushed blob needs at least 1 byte, not " + blobSize);
    }
    this.blobSize = blobSize;
    this.configBytes = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
        + "\"author\":\"regconform load " + runId + "\"}").getBytes(StandardCharsets.UTF_8);
    this.config = Descriptor.of(MediaTypes.OCI_CONFIG, configBytes);
    this.repositories.forEach(r -> recent.add(new RecentTags(RECENT_TAGS)));
  }

  public List<String> repositories() {
    return repositories;
  }

  /**
   * Pushes the config blob and {@code images} images (tags {@code seed-0} …) to every repository, untimed, so that pull,
   * head and tags have something to ask for from the first operation on.
   *
   * @throws LoadException when the registry refuses one
   */
  public void seed(int images, RandomGenerator random) {
    for (int r = 0; r < repositories.size(); r++) {
      String repository = repositories.get(r);
      Outcome pushed = pushConfig(repository);
      if (pushed.succeeded()) {
        for (int i = 0; i < images && pushed.succeeded(); i++) {
          pushed = pushImage(r, "seed-" + i, random);
        }
      }
      if (!pushed.succeeded()) {
        throw new LoadException("could not push the seed images to " + repository + ": " + pushed.detail());
      }
    }
  }

  @Override
  public Outcome execute(Operation op, int worker, RandomGenerator random) {
    int r = random.nextInt(repositories.size());
    String repository = repositories.get(r);
    return switch (op) {
      case PUSH -> pushImage(r, "w" + worker + "-" + pushes.incrementAndGet(), random);
      case PULL -> pull(repository, tag(r, random));
      case HEAD -> expect(registry.headManifest(repository, tag(r, random), ACCEPT), 200);
      case TAGS -> expect(registry.listTags(repository), 200);
    };
  }

  private String tag(int repository, RandomGenerator random) {
    return recent.get(repository).pick(random).orElse("seed-0");
  }

  private Outcome pushImage(int r, String tag, RandomGenerator random) {
    String repository = repositories.get(r);
    long seed = random.nextLong();
    MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
    StreamedPush layer = registry.pushStreamed(repository, blobSize, out -> {
      sha256.reset(); // written again after an auth challenge: digest only the last attempt
      PseudoRandomBlob.writeTo(new DigestOutputStream(out, sha256), blobSize, seed);
    }, () -> Digest.fromHash(DigestAlgorithm.SHA256, sha256.digest()));
    if (!layer.succeeded()) {
      return failed(layer);
    }
    ImageManifest manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, config,
        List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR, layer.digest(), blobSize)));
    Outcome put = expect(registry.putManifest(repository, tag, MediaTypes.OCI_MANIFEST, manifest.raw()), 201);
    if (put.succeeded()) {
      recent.get(r).add(tag);
    }
    return put;
  }

  private Outcome pushConfig(String repository) {
    StreamedPush pushed = registry.pushStreamed(repository, configBytes.length, out -> out.write(configBytes),
        config::digest);
    return pushed.succeeded() ? Outcome.ok() : failed(pushed);
  }

  /** The push's failing answer; an upload session it left open is cancelled (best effort). */
  private Outcome failed(StreamedPush pushed) {
    RegistryResponse failed = pushed.last();
    if (failed != pushed.post()) {
      RegistryResponse open = failed == pushed.put() ? pushed.patch() : pushed.post();
      open.header(Headers.LOCATION).ifPresent(location -> {
        try {
          registry.cancelUpload(location);
        } catch (RuntimeException ignored) {
          // the push's own failure is what gets reported
        }
      });
    }
    return Outcome.refused(failed);
  }

  private Outcome pull(String repository, String tag) {
    RegistryResponse got = registry.getManifest(repository, tag, ACCEPT);
    if (got.status() != 200) {
      return Outcome.refused(got);
    }
    Descriptor layer = ImageManifest.parse(got.body()).layers().get(0);
    StreamedBlob blob = registry.getBlobTo(repository, layer.digest(), OutputStream.nullOutputStream());
    if (blob.response().status() != 200) {
      return Outcome.refused(blob.response());
    }
    if (blob.size() != layer.size() || !blob.digest().equals(layer.digest())) {
      return Outcome.failed("digest-mismatch", blob.response().requestLine() + " served " + blob.size()
          + " bytes with digest " + blob.digest() + "; the manifest says " + layer.size() + " bytes, " + layer.digest());
    }
    return Outcome.ok();
  }

  private static Outcome expect(RegistryResponse answer, int status) {
    return answer.status() == status ? Outcome.ok() : Outcome.refused(answer);
  }

  /** Deletes what the run pushed, with {@code threads} requests at a time; see {@link Cleaner}. */
  public Cleanup cleanUp(int threads) throws InterruptedException {
    return new Cleaner(registry, repositories, config.digest(), threads).run();
  }
}
