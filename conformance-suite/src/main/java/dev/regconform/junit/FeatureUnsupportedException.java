package dev.regconform.junit;

import org.opentest4j.TestAbortedException;

/**
 * The registry answered that an optional feature is not offered (405, {@code UNSUPPORTED}, or the fallback
 * the spec documents): the check is reported as unsupported, with the registry's answer as reason.
 */
public class FeatureUnsupportedException extends TestAbortedException {
  /**
   * A feature the registry does not offer; {@link Unsupported} is the usual way to throw one.
   *
   * @param message the reason shown for the check: the feature and the registry's answer
   */
  public FeatureUnsupportedException(String message) {
    super(message);
  }
}
