package dev.regconform.scenarios.official.data;

import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import java.util.List;

/**
 * One manifest of a data set: its exact bytes, the media type it is pushed as, its digest, and the tags it is pushed
 * under after it was pushed by digest (none: it stays untagged, as the children of an index usually are).
 *
 * @param label what the manifest is, for messages: {@code "the amd64 image"}, {@code "the index"}
 */
record DataSetManifest(String label, String mediaType, byte[] body, Digest digest, List<String> tags) {
  DataSetManifest {
    tags = List.copyOf(tags);
  }

  /** A manifest the model built, pushed by digest and then under {@code tags}. */
  static DataSetManifest of(String label, Manifest manifest, String... tags) {
    return new DataSetManifest(label, manifest.mediaType(), manifest.raw(), manifest.digest(), List.of(tags));
  }

  /** A document the model cannot represent (custom fields), as raw bytes digested with sha256. */
  static DataSetManifest raw(String label, String mediaType, byte[] body, String... tags) {
    return new DataSetManifest(label, mediaType, body, Digest.sha256(body), List.of(tags));
  }

  /** The same manifest, pushed under {@code newTags} after its digest. */
  DataSetManifest withTags(String... newTags) {
    return new DataSetManifest(label, mediaType, body, digest, List.of(newTags));
  }

  /** Every reference it can be pulled by: its digest, then its tags. */
  List<String> references() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(digest.toString()), tags.stream()).toList();
  }

  @Override
  public String toString() {
    return label + " " + digest + (tags.isEmpty() ? "" : " " + tags);
  }
}
