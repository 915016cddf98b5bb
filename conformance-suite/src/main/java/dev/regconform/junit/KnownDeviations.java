package dev.regconform.junit;

import dev.regconform.reports.Outcome;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.reports.baseline.BaselineEntry;
import dev.regconform.target.RegistryTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A baseline in a project's own JUnit run (the library's counterpart of {@code run --baseline} / {@code
 * --write-baseline}): the known deviations of the registry under test read from {@value #BASELINE}, and the run's own
 * failures written to {@value #WRITE_BASELINE} when the run ends. Kept in JUnit's root store, which closes it after the
 * last check (that writes the file).
 */
final class KnownDeviations implements AutoCloseable {
  /** Configuration parameter: a baseline file (README "Baselines for CI"); the failures it lists are skipped as known. */
  static final String BASELINE = "regconform.baseline";
  /** Configuration parameter: where to write the run's failed and broken checks as a baseline when the run ends. */
  static final String WRITE_BASELINE = "regconform.write-baseline";

  private final Baseline known;
  private final Path knownFile;
  private final Path writeTo;
  /** By check id: a check is recorded once, whatever reached it twice (a setup failure, then its own). */
  private final Map<String, BaselineEntry> failures = new TreeMap<>();

  private KnownDeviations(Baseline known, Path knownFile, Path writeTo) {
    this.known = known;
    this.knownFile = knownFile;
    this.writeTo = writeTo;
  }

  /**
   * The baseline settings of a run.
   *
   * @throws IllegalArgumentException naming the parameter when the baseline file cannot be read or is not a baseline
   */
  static KnownDeviations of(Optional<String> baseline, Optional<String> writeBaseline) {
    Path knownFile = baseline.map(Path::of).orElse(null);
    Baseline known;
    try {
      known = knownFile == null ? Baseline.empty() : Baseline.read(knownFile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(BASELINE + ": " + e.getMessage(), e);
    }
    return new KnownDeviations(known, knownFile, writeBaseline.map(Path::of).orElse(null));
  }

  /**
   * The entry that lists {@code check} on {@code target}, if any.
   *
   * @throws IllegalStateException when the baseline lists targets but not this one (a description that changed)
   */
  Optional<BaselineEntry> find(RegistryTarget target, String check) {
    if (knownFile != null && !known.targets().isEmpty() && !known.targets().contains(target.description())) {
      throw new IllegalStateException(BASELINE + "=" + knownFile + " lists no entry for the registry under test, '"
          + target.description() + "' (it lists " + known.targets() + "): name the target in the file as its "
          + "RegistryTarget#withDescription, or write the file with " + WRITE_BASELINE);
    }
    return known.find(target.description(), check);
  }

  /** Remembers a check that did not pass, for {@value #WRITE_BASELINE}. */
  synchronized void record(RegistryTarget target, String check, Outcome outcome, String message) {
    if (writeTo == null) {
      return;
    }
    String reason = known.find(target.description(), check).map(BaselineEntry::reason)
        .orElseGet(() -> BaselineEntry.gist(message, target.url().toString(), target.namespace()));
    failures.putIfAbsent(check, new BaselineEntry(target.description(), check, outcome, reason));
  }

  /** Writes the recorded failures to {@value #WRITE_BASELINE}, when it is set. */
  @Override
  public synchronized void close() {
    if (writeTo == null) {
      return;
    }
    try {
      // Sorted by check id (classes finish in any order): two runs with the same failures write the same file.
      Baseline.of(List.copyOf(failures.values())).write(writeTo, "a JUnit run with " + WRITE_BASELINE);
    } catch (IOException e) {
      throw new UncheckedIOException(WRITE_BASELINE + "=" + writeTo + ": cannot write it", e);
    }
  }
}
