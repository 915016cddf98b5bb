package dev.regconform.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The digest algorithms of the OCI image spec's "Digests" section that registries are asked to support.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">image-spec: digests</a>
 */
public enum DigestAlgorithm {
  /** {@code sha256}: 64 lower-case hex characters; every registry must support it. */
  SHA256("sha256", "SHA-256", 64),
  /** {@code sha512}: 128 lower-case hex characters; optional for registries. */
  SHA512("sha512", "SHA-512", 128);

  private final String label;
  private final String jcaName;
  private final int hexLength;

  DigestAlgorithm(String label, String jcaName, int hexLength) {
    this.label = label;
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /**
   * The name used on the wire, before the colon of a digest.
   *
   * @return e.g. {@code sha256}
   */
  public String label() {
    return label;
  }

  /**
   * The length of an encoded digest of this algorithm, which {@link Digest} enforces.
   *
   * @return the number of hex characters: 64 for sha256, 128 for sha512
   */
  public int hexLength() {
    return hexLength;
  }

  /**
   * A fresh {@link MessageDigest} for this algorithm, to hash content as it streams.
   *
   * @return a new instance (MessageDigest is not thread-safe)
   */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JVM lacks " + jcaName + ", which every Java SE runtime must provide", e);
    }
  }

  /**
   * Looks an algorithm up by its wire name.
   *
   * @param label the name before the colon of a digest, e.g. {@code sha256}; case-sensitive
   * @return the algorithm
   * @throws IllegalArgumentException naming the supported algorithms when {@code label} is not one of them
   */
  public static DigestAlgorithm fromLabel(String label) {
    for (DigestAlgorithm a : values()) {
      if (a.label.equals(label)) {
        return a;
      }
    }
    throw new IllegalArgumentException("Unsupported digest algorithm '" + label + "'; supported: "
        + Arrays.stream(values()).map(DigestAlgorithm::label).collect(Collectors.joining(", "))
        + (label != null && !label.equals(label.toLowerCase(Locale.ROOT)) ? " (algorithm names are lower case)" : ""));
  }
}
