package dev.regconform.junit;

/**
 * Optional registry features a run can turn off ({@code --disable KEY}, or the official suite's
 * {@code OCI_*} variables); checks that need one carry {@link RequiresFeature}.
 */
public enum Feature {
  /** end-9: {@code DELETE /v2/<name>/manifests/<digest>}. */
  DELETE_MANIFESTS("delete-manifests", "deleting manifests"),
  /** end-9 with a tag as the reference: removing a tag, not the manifest. */
  DELETE_TAGS("delete-tags", "deleting tags"),
  /** end-10: {@code DELETE /v2/<name>/blobs/<digest>}. */
  DELETE_BLOBS("delete-blobs", "deleting blobs"),
  /** {@code GET /v2/_catalog}, Docker's repository list; not in the OCI spec. */
  CATALOG("catalog", "the repository catalog (/v2/_catalog)"),
  /** end-11 with {@code from}: mounting a blob from another repository. */
  MOUNT("mount", "cross-repository blob mount"),
  /** end-11 without {@code from}: the registry finds the blob itself. */
  AUTOMATIC_MOUNT("automatic-mount", "blob mount without 'from'"),
  /** end-12a/b: {@code GET /v2/<name>/referrers/<digest>}. */
  REFERRERS("referrers", "the referrers API"),
  /** end-5 with {@code Content-Range}: a blob pushed in several PATCHes. */
  CHUNKED_UPLOAD("chunked-upload", "chunked blob uploads"),
  /** end-4b: a blob pushed in one {@code POST ?digest=}. */
  MONOLITHIC_POST("monolithic-post", "single-POST blob uploads"),
  /** end-14: {@code DELETE} of an upload session. */
  UPLOAD_CANCEL("upload-cancel", "cancelling blob uploads"),
  /** end-2 with a {@code Range} header: part of a blob. */
  RANGE_REQUESTS("range-requests", "Range requests on blobs"),
  /** end-8b: the tag list in pages ({@code n}, {@code last}). */
  TAG_PAGINATION("tag-pagination", "tag list pagination (n, last)"),
  /** Content named by sha512 digests (end-4c and pushes by sha512 digest). */
  SHA512("sha512", "sha512 content");

  private final String key;
  private final String description;

  Feature(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /**
   * The feature's key.
   *
   * @return the name used in {@code --disable} and in configuration, e.g. {@code delete-manifests}
   */
  public String key() {
    return key;
  }

  /**
   * The feature in words, for messages and reasons.
   *
   * @return e.g. {@code deleting manifests}
   */
  public String description() {
    return description;
  }

  /**
   * The configuration parameter that turns the feature on or off; {@code false} turns it off, absent means on.
   *
   * @return {@code regconform.feature.<key>}
   */
  public String parameter() {
    return "regconform.feature." + key;
  }

  /**
   * The configuration parameter that says where an off switch came from, for the disabled reason, e.g.
   * {@code --disable catalog} or {@code --spec 1.0}.
   *
   * @return {@code regconform.feature.<key>.source}
   */
  public String sourceParameter() {
    return parameter() + ".source";
  }

  /**
   * Looks a feature up by {@link #key()}.
   *
   * @param key a key, e.g. {@code delete-manifests}; matched exactly
   * @return the feature
   * @throws IllegalArgumentException for an unknown key; the message lists the known ones
   */
  public static Feature fromKey(String key) {
    for (Feature f : values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown feature '" + key + "'; known: "
        + String.join(", ", java.util.Arrays.stream(values()).map(Feature::key).toList()));
  }
}
