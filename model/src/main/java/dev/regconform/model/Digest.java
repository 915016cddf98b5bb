package dev.regconform.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A content digest {@code algorithm:hex}, such as {@code sha256:2c26b46b…}.
 *
 * <pre>{@code
 * Digest d = Digest.parse("sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
 * Digest same = Digest.sha256("foo".getBytes(UTF_8));
 * Digest big = Digest.of(DigestAlgorithm.SHA512, inputStream);
 * }</pre>
 *
 * @param algorithm the algorithm
 * @param hex the encoded hash: lower-case hex of exactly {@link DigestAlgorithm#hexLength()} characters
 */
public record Digest(DigestAlgorithm algorithm, String hex) {
  /**
   * Checks that {@code hex} is a valid encoding for {@code algorithm}: lower case and of the right length, as the
   * distribution spec requires of a digest a registry accepts.
   *
   * @param algorithm required
   * @param hex required: lower-case hex of exactly {@link DigestAlgorithm#hexLength()} characters
   * @throws IllegalArgumentException saying what is wrong with {@code hex}
   */
  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    String problem = hexProblem(algorithm, hex);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid " + algorithm.label() + " digest hex '" + hex + "': " + problem);
    }
  }

  /**
   * Parses {@code algorithm:hex}, as a registry returns it in {@code Docker-Content-Digest} or a manifest holds it.
   *
   * @param text e.g. {@code sha256:} followed by 64 lower-case hex characters
   * @return the digest
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  @JsonCreator
  public static Digest parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("Invalid digest '': expected algorithm:hex, e.g. sha256:<64 hex characters>");
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("Invalid digest '" + text + "': expected algorithm:hex, e.g. sha256:<64 hex characters>");
    }
    DigestAlgorithm algorithm;
    try {
      algorithm = DigestAlgorithm.fromLabel(text.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid digest '" + text + "': " + e.getMessage(), e);
    }
    try {
      return new Digest(algorithm, text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid digest '" + text + "': " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code text} parses as a digest: tells a digest reference ({@code @sha256:…}) from a tag.
   *
   * @param text any string, {@code null} included
   * @return true when {@link #parse(String)} would accept it
   */
  public static boolean isDigest(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The sha256 digest of {@code bytes}, the algorithm every registry supports.
   *
   * @param bytes the exact content
   * @return its digest
   */
  public static Digest sha256(byte[] bytes) {
    return of(DigestAlgorithm.SHA256, bytes);
  }

  /**
   * The sha512 digest of {@code bytes}; registries may reject it (support is optional).
   *
   * @param bytes the exact content
   * @return its digest
   */
  public static Digest sha512(byte[] bytes) {
    return of(DigestAlgorithm.SHA512, bytes);
  }

  /**
   * The digest of {@code bytes} with {@code algorithm}.
   *
   * @param algorithm the hash to use
   * @param bytes the exact content
   * @return its digest
   */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    return fromHash(algorithm, algorithm.newMessageDigest().digest(bytes));
  }

  /**
   * The digest of everything {@code in} yields, read in 64 KiB chunks, for content too big to hold in memory.
   *
   * @param algorithm the hash to use
   * @param in read to its end; the caller closes it
   * @return the digest of the bytes read
   * @throws IOException when reading {@code in} fails
   */
  public static Digest of(DigestAlgorithm algorithm, InputStream in) throws IOException {
    MessageDigest md = algorithm.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      md.update(buffer, 0, n);
    }
    return fromHash(algorithm, md.digest());
  }

  /**
   * Wraps a finished hash, e.g. from a {@link java.security.DigestInputStream}.
   *
   * @param algorithm the algorithm that computed {@code hash}
   * @param hash the raw hash bytes (32 for sha256), not hex
   * @return the digest
   */
  public static Digest fromHash(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /**
   * Whether this is the digest of {@code bytes}, hashed with this digest's algorithm: checks that content a registry
   * returned is the content asked for.
   *
   * @param bytes the content to check
   * @return true when it hashes to this digest
   */
  public boolean matches(byte[] bytes) {
    return equals(of(algorithm, bytes));
  }

  /**
   * The algorithm and the first 12 hex characters, for short display; not unique, never for lookups.
   *
   * @return e.g. {@code sha256:2c26b46b68ff}
   */
  public String shortForm() {
    return algorithm.label() + ":" + hex.substring(0, 12);
  }

  /** What is wrong with {@code hex} as an encoded {@code algorithm} hash, or {@code null} when nothing is. */
  private static String hexProblem(DigestAlgorithm algorithm, String hex) {
    String expected = "expected " + algorithm.hexLength() + " lower-case hex characters";
    if (hex.isEmpty()) {
      return "empty; " + expected;
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (c >= 'A' && c <= 'F') {
        return "upper case is not allowed ('" + c + "' at index " + i + "); " + expected;
      }
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return "'" + c + "' at index " + i + " is not a hex character; " + expected;
      }
    }
    return hex.length() == algorithm.hexLength() ? null : expected + ", got " + hex.length();
  }

  /** The canonical form {@code algorithm:hex}. */
  @JsonValue
  @Override
  public String toString() {
    return algorithm.label() + ":" + hex;
  }
}
