package dev.regconform.junit;

/** The requirement level a check enforces (RFC 2119 words as the distribution spec uses them). */
public enum Level {
  /** A violation fails the check. */
  MUST,
  /** A violation is a warning: the run passes unless it is strict. */
  SHOULD,
  /** Optional behaviour checked for documentation: a violation is a warning. */
  MAY
}
