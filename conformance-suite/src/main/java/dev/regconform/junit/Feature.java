package dev.regconform.junit;

/**
 * Optional registry features a run can turn off ({@code --disable KEY}, or the official suite's
 * {@code OCI_*} variables); checks that need one carry {@link RequiresFeature}.
 */
public enum Feature {
  DELETE_MANIFESTS("delete-manifests", "deleting manifests"),
  DELETE_TAGS("delete-tags", "deleting tags"),
  DELETE_BLOBS("delete-blobs", "deleting blobs"),
  CATALOG("catalog", "the repository catalog (/v2/_catalog)"),
  MOUNT("mount", "cross-repository blob mount"),
  AUTOMATIC_MOUNT("automatic-mount", "blob mount without 'from'"),
  REFERRERS("referrers", "the referrers API"),
  CHUNKED_UPLOAD("chunked-upload", "chunked blob uploads"),
  MONOLITHIC_POST("monolithic-post", "single-POST blob uploads"),
  UPLOAD_CANCEL("upload-cancel", "cancelling blob uploads"),
  RANGE_REQUESTS("range-requests", "Range requests on blobs"),
  TAG_PAGINATION("tag-pagination", "tag list pagination (n, last)"),
  SHA512("sha512", "sha512 content");

  private final String key;
  private final String description;

  Feature(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The name used in {@code --disable} and in configuration, e.g. {@code delete-manifests}. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The configuration parameter that turns the feature on or off: {@code regconform.feature.<key>}. */
  public String parameter() {
    return "regconform.feature." + key;
  }

  /** The configuration parameter that says where an off switch came from, for the disabled reason. */
  public String sourceParameter() {
    return parameter() + ".source";
  }

  /** Looks a feature up by {@link #key()}; the message lists the keys. */
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
