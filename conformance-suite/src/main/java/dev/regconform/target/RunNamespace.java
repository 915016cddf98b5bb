package dev.regconform.target;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The namespace one run writes into: a fresh {@code BASE/run-<time>-<random>}, so runs against the same registry (two CI
 * jobs, a run and its rerun) never share a repository.
 */
public final class RunNamespace {
  private RunNamespace() {}

  /**
   * A new run namespace under {@code base}: the local date and time to the second and 4 random hex digits, so two runs
   * in the same second differ but for 1 in 65 536.
   *
   * @param base the namespace to work under, e.g. {@code regconform}
   * @return e.g. {@code regconform/run-20261127-031500-ab12}
   */
  public static String under(String base) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    byte[] random = new byte[2];
    ThreadLocalRandom.current().nextBytes(random);
    return base + "/run-" + stamp + "-" + HexFormat.of().formatHex(random);
  }
}
