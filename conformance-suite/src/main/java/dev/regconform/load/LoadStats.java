package dev.regconform.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the workers of a load run record as their operations end, thread-safe and of a size that does not grow with the
 * run: per operation, a latency histogram of the operations that succeeded (HdrHistogram, microseconds, 3 significant
 * digits, so a percentile is exact to 0.1%), the failures counted by status and by kind, the first failure's line;
 * and the per-second {@link Timeline}.
 */
public final class LoadStats {
  private final Map<Operation, PerOperation> operations = new EnumMap<>(Operation.class);
  private final Timeline timeline = new Timeline(Operation.values().length);

  public LoadStats() {
    for (Operation op : Operation.values()) {
      operations.put(op, new PerOperation());
    }
  }

  /**
   * One operation that ended.
   *
   * @param endedAtNanos when it ended, in nanoseconds since the run started
   * @param nanos how long it took
   */
  public void record(Operation op, long endedAtNanos, long nanos, Outcome outcome) {
    PerOperation stats = operations.get(op);
    boolean ok = outcome.succeeded();
    if (ok) {
      stats.latencyMicros.recordValue(Math.max(1, nanos / 1000));
    } else {
      if (outcome.kind() != null) {
        stats.byKind.computeIfAbsent(outcome.kind(), k -> new LongAdder()).increment();
      } else {
        stats.byStatus.computeIfAbsent(outcome.status(), k -> new LongAdder()).increment();
      }
      stats.firstError.compareAndSet(null, outcome.detail());
    }
    timeline.add(op, endedAtNanos, ok);
  }

  /** What has been recorded for {@code op} so far. */
  public OperationStats of(Operation op) {
    PerOperation stats = operations.get(op);
    Map<Integer, Long> byStatus = new TreeMap<>();
    stats.byStatus.forEach((k, v) -> byStatus.put(k, v.sum()));
    Map<String, Long> byKind = new TreeMap<>();
    stats.byKind.forEach((k, v) -> byKind.put(k, v.sum()));
    return new OperationStats(op, Latency.of(stats.latencyMicros.copy()), byStatus, byKind, stats.firstError.get());
  }

  /** The latency of every operation that succeeded, whatever its kind. */
  public Latency overall() {
    Histogram all = new Histogram(3);
    operations.values().forEach(stats -> all.add(stats.latencyMicros.copy()));
    return Latency.of(all);
  }

  public Timeline timeline() {
    return timeline;
  }

  private static final class PerOperation {
    final Histogram latencyMicros = new ConcurrentHistogram(3);
    final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    final AtomicReference<String> firstError = new AtomicReference<>();
  }
}
