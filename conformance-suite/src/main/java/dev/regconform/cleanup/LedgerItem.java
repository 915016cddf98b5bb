package dev.regconform.cleanup;

import java.util.Objects;

/**
 * One thing a run stored on a registry: a manifest (by digest), a tag, or a blob, in one repository.
 *
 * @param kind what it is
 * @param repository where it is, e.g. {@code regconform/run-20261127-101500-ab12/pull}
 * @param reference the digest of a manifest or blob ({@code sha256:…}), the name of a tag
 */
public record LedgerItem(Kind kind, String repository, String reference) {
  /** What a ledger item is; the order is the order of deletion (manifests before the tags left, blobs last). */
  public enum Kind {
    MANIFEST("manifest"), TAG("tag"), BLOB("blob");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public LedgerItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(reference, "reference");
  }

  public static LedgerItem manifest(String repository, String digest) {
    return new LedgerItem(Kind.MANIFEST, repository, digest);
  }

  public static LedgerItem tag(String repository, String tag) {
    return new LedgerItem(Kind.TAG, repository, tag);
  }

  public static LedgerItem blob(String repository, String digest) {
    return new LedgerItem(Kind.BLOB, repository, digest);
  }

  /** {@code manifest repo@sha256:…}, {@code tag repo:latest}, {@code blob repo@sha256:…}. */
  @Override
  public String toString() {
    return kind.label() + " " + repository + (kind == Kind.TAG ? ":" : "@") + reference;
  }
}
