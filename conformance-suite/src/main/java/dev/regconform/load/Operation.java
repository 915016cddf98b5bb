package dev.regconform.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a load worker does once; its latency is the time from its first request going out to the last byte of its last
 * answer read, every request of it included (a challenge answered on the way too).
 */
public enum Operation {
  /** A fresh blob of the run's blob size (POST, one streamed PATCH, PUT ?digest), then a manifest naming it, tagged. */
  PUSH,
  /** GET a manifest by tag, then GET its layer, digested while it is read and checked against the manifest. */
  PULL,
  /** HEAD a manifest by tag. */
  HEAD,
  /** GET the repository's tags/list (one page, as the registry serves it without {@code n}). */
  TAGS;

  /** The name used in {@code --mix}, the table and the JSON: {@code push}, {@code pull}, {@code head}, {@code tags}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operation of that label (any case), or empty. */
  public static Optional<Operation> ofLabel(String label) {
    return Arrays.stream(values()).filter(o -> o.label().equalsIgnoreCase(label.trim())).findFirst();
  }
}
