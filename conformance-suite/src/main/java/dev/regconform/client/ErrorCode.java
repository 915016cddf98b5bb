package dev.regconform.client;

import java.util.Optional;

/**
 * The error codes of the distribution spec's error table. The enum name is the code on the wire.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">spec: error codes</a>
 */
public enum ErrorCode {
  /** code-1: "blob unknown to registry". */
  BLOB_UNKNOWN,
  /** code-2: "blob upload invalid". */
  BLOB_UPLOAD_INVALID,
  /** code-3: "blob upload unknown to registry". */
  BLOB_UPLOAD_UNKNOWN,
  /** code-4: "provided digest did not match uploaded content". */
  DIGEST_INVALID,
  /** code-5: "blob unknown to registry" — a manifest references a blob the repository does not have. */
  MANIFEST_BLOB_UNKNOWN,
  /** code-6: "manifest invalid". */
  MANIFEST_INVALID,
  /** code-7: "manifest unknown". */
  MANIFEST_UNKNOWN,
  /** code-8: "invalid repository name". */
  NAME_INVALID,
  /** code-9: "repository name not known to registry". */
  NAME_UNKNOWN,
  /** code-10: "provided length did not match content length". */
  SIZE_INVALID,
  /** code-11: "authentication required". */
  UNAUTHORIZED,
  /** code-12: "requested access to the resource is denied". */
  DENIED,
  /** code-13: "the operation is unsupported". */
  UNSUPPORTED,
  /** code-14: "too many requests". */
  TOOMANYREQUESTS;

  /**
   * The constant for a code seen on the wire, if it is one of the spec's.
   *
   * @param code the {@code code} of an error body's entry, e.g. {@code MANIFEST_UNKNOWN}; matched exactly, case
   *     included; may be null
   * @return the constant; empty for a code that is not in the spec's table
   */
  public static Optional<ErrorCode> fromWire(String code) {
    for (ErrorCode c : values()) {
      if (c.name().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
