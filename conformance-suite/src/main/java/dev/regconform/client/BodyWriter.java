package dev.regconform.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A request body written straight onto the connection as it goes out ({@link RegistryClient#pushStreamed}): for
 * uploads too large to hold in memory, or whose bytes are made (and digested) while they are sent.
 *
 * <pre>{@code
 * MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
 * StreamedPush push = registry.pushStreamed("acme/app", size, out -> {
 *   sha256.reset();
 *   PseudoRandomBlob.writeTo(new DigestOutputStream(out, sha256), size, seed);
 * }, () -> Digest.fromHash(DigestAlgorithm.SHA256, sha256.digest()));
 * }</pre>
 */
@FunctionalInterface
public interface BodyWriter {
  /**
   * Writes the whole body, exactly as many bytes as the request declared, to {@code out}; must not close it. Called
   * once per attempt: again when the request is repeated after answering an authentication challenge, so a writer
   * that digests what it writes starts its digest afresh.
   *
   * @param out the request's body stream; writes go straight onto the connection
   * @throws IOException when writing fails (the connection broke, or the writer's own source failed); the request
   *     then fails as {@link RegistryUnreachableException}
   */
  void writeTo(OutputStream out) throws IOException;
}
