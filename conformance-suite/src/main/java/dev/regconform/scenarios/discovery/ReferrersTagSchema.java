package dev.regconform.scenarios.discovery;

import dev.regconform.model.Digest;

/**
 * The referrers tag schema (spec "Referrers Tag Schema"): the tag a client uses for the index of a subject's
 * referrers when the registry has no referrers API. It is the digest's algorithm truncated to 32 characters,
 * {@code -}, and its encoded part truncated to 64, with every character a tag may not hold replaced by
 * {@code -}: {@code sha256:8d3f…} becomes {@code sha256-8d3f…}.
 */
final class ReferrersTagSchema {
  private ReferrersTagSchema() {}

  static String tagFor(Digest subject) {
    String algorithm = truncate(subject.algorithm().label(), 32);
    String encoded = truncate(subject.hex(), 64);
    return (algorithm + "-" + encoded).replaceAll("[^a-zA-Z0-9._-]", "-");
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }
}
