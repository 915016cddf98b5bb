package dev.regconform.load;

import org.HdrHistogram.Histogram;

/**
 * The latency of the operations of one kind that succeeded, in milliseconds; all 0 when none did.
 *
 * @param count how many operations the figures are of
 */
public record Latency(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
  /** Of a histogram of microseconds. */
  static Latency of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0);
    }
    return new Latency(micros.getTotalCount(), micros.getMean() / 1000, ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
