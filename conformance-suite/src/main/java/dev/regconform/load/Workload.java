package dev.regconform.load;

import java.util.random.RandomGenerator;

/** What a load run's workers do: one operation at a time, on any thread. {@link RegistryWorkload} is the real one. */
@FunctionalInterface
public interface Workload {
  /**
   * Does {@code op} once and says how it ended; may throw instead of returning a failure (the run counts what it
   * throws by kind, see {@link Outcome#of}).
   *
   * @param worker the calling worker's number, from 0
   * @param random the calling worker's own random numbers
   */
  Outcome execute(Operation op, int worker, RandomGenerator random);
}
