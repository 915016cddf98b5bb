package dev.regconform.bench;

import java.util.List;

/**
 * How long moving {@code bytes} took.
 *
 * @param bytes the bytes moved
 * @param nanos the time it took, in nanoseconds
 */
public record Transfer(long bytes, long nanos) {
  private static final double MIB = 1 << 20;

  public Transfer {
    if (bytes < 0 || nanos <= 0) {
      throw new IllegalArgumentException("a transfer moves at least 0 bytes in more than 0 ns: " + bytes + " bytes in "
          + nanos + " ns");
    }
  }

  public double seconds() {
    return nanos / 1e9;
  }

  /** MiB (2^20 bytes) per second. */
  public double mibPerSecond() {
    return bytes / MIB / seconds();
  }

  /**
   * The median of {@code transfers} by time (of the same size): the middle one, or for an even number a transfer of
   * the mean time of the two middle ones.
   */
  public static Transfer median(List<Transfer> transfers) {
    if (transfers.isEmpty()) {
      throw new IllegalArgumentException("the median of no transfer");
    }
    List<Transfer> sorted = transfers.stream().sorted(java.util.Comparator.comparingLong(Transfer::nanos)).toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    Transfer a = sorted.get(middle - 1);
    Transfer b = sorted.get(middle);
    return new Transfer(a.bytes(), (a.nanos() + b.nanos()) / 2);
  }
}
