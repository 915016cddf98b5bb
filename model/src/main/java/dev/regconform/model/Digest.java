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
  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    String problem = hexProblem(algorithm, hex);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid " + algorithm.label() + " digest hex '" + hex + "': " + problem);
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
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

  /** Whether {@code text} parses as a digest. */
  public static boolean isDigest(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The sha256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return of(DigestAlgorithm.SHA256, bytes);
  }

  /** The sha512 digest of {@code bytes}. */
  public static Digest sha512(byte[] bytes) {
    return of(DigestAlgorithm.SHA512, bytes);
  }

  /** The digest of {@code bytes} with {@code algorithm}. */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    return fromHash(algorithm, algorithm.newMessageDigest().digest(bytes));
  }

  /** The digest of everything {@code in} yields, read in 64 KiB chunks; the stream is not closed. */
  public static Digest of(DigestAlgorithm algorithm, InputStream in) throws IOException {
    MessageDigest md = algorithm.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      md.update(buffer, 0, n);
    }
    return fromHash(algorithm, md.digest());
  }

  /** Wraps a finished hash, e.g. from a {@link java.security.DigestInputStream}. */
  public static Digest fromHash(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** Whether these are the digest of {@code bytes}. */
  public boolean matches(byte[] bytes) {
    return equals(of(algorithm, bytes));
  }

  /** The first 12 hex characters, for short display: {@code sha256:2c26b46b68ff}. */
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
