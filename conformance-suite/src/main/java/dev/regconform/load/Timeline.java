package dev.regconform.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations completed in each second of a run, by operation, and errors: what the throughput chart draws. Holds
 * {@code (operations + 1)} longs a second, so a day-long run costs under 4 MiB. Thread-safe.
 */
public final class Timeline {
  private final int operations;
  private final List<long[]> seconds = new ArrayList<>();

  /** @param operations how many kinds of operation (counted by {@link Operation#ordinal()}) */
  Timeline(int operations) {
    this.operations = operations;
  }

  /** One operation of kind {@code op} that completed {@code atNanos} after the run started, with or without error. */
  synchronized void add(Operation op, long atNanos, boolean ok) {
    int second = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, atNanos / 1_000_000_000L));
    while (seconds.size() <= second) {
      seconds.add(new long[operations + 1]);
    }
    seconds.get(second)[ok ? op.ordinal() : operations]++;
  }

  /** Each second from the run's start to the last completion, in order. */
  public synchronized List<Second> seconds() {
    List<Second> out = new ArrayList<>(seconds.size());
    for (int i = 0; i < seconds.size(); i++) {
      long[] counts = seconds.get(i);
      out.add(new Second(i, Arrays.copyOf(counts, operations), counts[operations]));
    }
    return out;
  }

  /**
   * One second of the run.
   *
   * @param index seconds since the start (0: the first second)
   * @param completed operations completed without error in it, by {@link Operation#ordinal()}
   * @param errors operations that failed in it
   */
  public record Second(int index, long[] completed, long errors) {
    public long completed(Operation op) {
      return completed[op.ordinal()];
    }
  }
}
