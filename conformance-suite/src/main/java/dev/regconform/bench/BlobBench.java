package dev.regconform.bench;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.StreamedBlob;
import dev.regconform.client.StreamedPush;
import dev.regconform.fixtures.images.PseudoRandomBlob;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * One blob pushed through the toolkit's own client and pulled back, timed, then deleted: the work of
 * {@code regconform bench blob}.
 *
 * <p>Push: {@code POST /v2/<name>/blobs/uploads/}, then one {@code PATCH} whose body (pseudo-random bytes from
 * {@link PseudoRandomBlob#writeTo}) is made and sha256-digested while it is sent, with its Content-Length, then
 * {@code PUT <location>?digest=<the digest just computed>}. The digest is known only once the last byte is sent, so
 * this is the one upload that streams once; a monolithic POST or PUT would need the digest first, i.e. the bytes made
 * twice. The three requests go through {@link RegistryClient#pushStreamed}. Pull:
 * {@code GET /v2/<name>/blobs/<digest>} into no sink, digested while it is read, and checked against the digest and
 * size pushed. Neither side holds more than 64 KiB of the blob.
 *
 * <pre>{@code
 * BlobBench bench = new BlobBench(registry, "regconform/bench-1", 1L << 30, 42);
 * BlobBench.Round round = bench.run();   // round.push().mibPerSecond(), round.pull().mibPerSecond()
 * }</pre>
 */
public final class BlobBench {
  /** How the blob goes up, as printed with the results. */
  public static final String UPLOAD = "POST, one streamed PATCH with Content-Length, PUT ?digest";
  private static final long WARM_UP_SIZE = 4 << 20;

  private final RegistryClient registry;
  private final String repository;
  private final long size;
  private final long seed;

  /**
   * @param repository where the blob goes, e.g. {@code regconform/bench-20250101-120000-ab12}
   * @param size the blob's size in bytes
   * @param seed the pseudo-random content's seed: the same seed and size give the same bytes, so every round pushes
   *     the same blob
   */
  public BlobBench(RegistryClient registry, String repository, long size, long seed) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.repository = Objects.requireNonNull(repository, "repository");
    if (size < 1) {
      throw new IllegalArgumentException("a blob to benchmark needs at least 1 byte, not " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  /**
   * Pushes, pulls and deletes a blob of at most 4 MiB (of another seed) the same way, untimed, so that the first round
   * does not pay for what a JVM does once (loading the client's classes, opening its connections, compiling the hot
   * loops) more than later rounds do.
   *
   * @throws BlobBenchException when the registry refuses a step
   */
  public void warmUp() {
    round(Math.min(size, WARM_UP_SIZE), ~seed);
  }

  /**
   * Pushes the blob, pulls it back, and deletes it (where the registry allows; a refusal is noted in the round, not
   * thrown). The blob is deleted even when the pull fails.
   *
   * @throws BlobBenchException when the registry refuses a step of the push or the pull, or serves other bytes
   * @throws dev.regconform.client.RegistryUnreachableException when a connection fails
   */
  public Round run() {
    return round(size, seed);
  }

  private Round round(long bytes, long contentSeed) {
    MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
    long started = System.nanoTime();
    StreamedPush pushed = registry.pushStreamed(repository, bytes, out -> {
      sha256.reset(); // written again after an auth challenge: digest only the last attempt
      PseudoRandomBlob.writeTo(new DigestOutputStream(out, sha256), bytes, contentSeed);
    }, () -> Digest.fromHash(DigestAlgorithm.SHA256, sha256.digest()));
    long pushNanos = System.nanoTime() - started;
    if (!pushed.succeeded()) {
      RegistryResponse failed = pushed.last();
      if (failed != pushed.post()) { // an upload session is open: close it
        cancel((failed == pushed.put() ? pushed.patch() : pushed.post()).header(Headers.LOCATION).orElseThrow());
      }
      String step = failed == pushed.post() ? "start an upload (POST)"
          : failed == pushed.patch() ? "send the " + bytes + " bytes (one streamed PATCH)"
          : "complete the upload (PUT ?digest=" + pushed.digest() + ")";
      throw new BlobBenchException("Tried to " + step + " but the registry answered " + failed.status()
          + (failed.header(Headers.LOCATION).isEmpty() && failed.status() == 202 ? " without a Location" : "") + ":\n  "
          + failed.describe().replace("\n", "\n  "));
    }
    Digest digest = pushed.digest();
    Transfer pull;
    try {
      Optional<Digest> stored = pushed.put().contentDigest();
      if (stored.isPresent() && !stored.get().equals(digest)) {
        throw new BlobBenchException("The registry stored the upload as " + stored.get() + ", but the bytes sent have"
            + " digest " + digest + ":\n  " + pushed.put().describe().replace("\n", "\n  "));
      }
      pull = pull(digest, bytes);
    } catch (RuntimeException e) {
      delete(digest);
      throw e;
    }
    return new Round(digest, new Transfer(bytes, pushNanos), pull, delete(digest));
  }

  private Transfer pull(Digest digest, long size) {
    long started = System.nanoTime();
    StreamedBlob pulled = registry.getBlobTo(repository, digest, OutputStream.nullOutputStream());
    long nanos = System.nanoTime() - started;
    if (pulled.response().status() != 200) {
      throw new BlobBenchException("Tried to pull the blob back but the registry answered "
          + pulled.response().status() + ":\n  " + pulled.describe().replace("\n", "\n  "));
    }
    if (pulled.size() != size || !pulled.digest().equals(digest)) {
      throw new BlobBenchException(String.format("Pulled the blob back, but its bytes are not the ones pushed:%n"
              + "  expected %d bytes with digest %s%n  received %d bytes with digest %s%nExchange:%n  %s",
          size, digest, pulled.size(), pulled.digest(), pulled.describe().replace("\n", "\n  ")));
    }
    return new Transfer(size, nanos);
  }

  private Deletion delete(Digest digest) {
    try {
      return new Deletion(registry.deleteBlob(repository, digest).status());
    } catch (RuntimeException e) { // the round's own outcome matters more than its cleanup
      return new Deletion(0);
    }
  }

  private void cancel(String location) {
    try {
      registry.cancelUpload(location);
    } catch (RuntimeException ignored) {
      // best effort: the upload failed already, and that is what gets reported
    }
  }

  /**
   * One push and pull of the blob.
   *
   * @param digest the blob's digest, computed while it was sent and verified while it was read back
   * @param push POST to the PUT's answer
   * @param pull GET to the last byte read and digested
   * @param deletion the DELETE after the round
   */
  public record Round(Digest digest, Transfer push, Transfer pull, Deletion deletion) {}

  /**
   * The DELETE of the blob after a round.
   *
   * @param status its answer's status; 0 when it got no answer
   */
  public record Deletion(int status) {
    /** Whether the registry deleted the blob (202, or another 2xx). */
    public boolean deleted() {
      return status / 100 == 2;
    }
  }
}
