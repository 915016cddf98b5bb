package dev.regconform.load;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kind of operation over a load run.
 *
 * @param latency of the operations that succeeded
 * @param errorsByStatus operations refused, by the status of the answer that failed them
 * @param errorsByKind operations that failed without such an answer, by kind ({@code ConnectException}, …)
 * @param firstError the first failure's line; null when none failed
 */
public record OperationStats(Operation operation, Latency latency, Map<Integer, Long> errorsByStatus,
    Map<String, Long> errorsByKind, String firstError) {
  public OperationStats {
    errorsByStatus = Collections.unmodifiableMap(new TreeMap<>(errorsByStatus));
    errorsByKind = Collections.unmodifiableMap(new TreeMap<>(errorsByKind));
  }

  /** Operations that succeeded. */
  public long ok() {
    return latency.count();
  }

  /** Operations that failed. */
  public long errors() {
    return errorsByStatus.values().stream().mapToLong(Long::longValue).sum()
        + errorsByKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
