package dev.regconform.load;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.random.RandomGenerator;

/**
 * The last tags pushed to one repository, at most a fixed number (older ones are forgotten, not deleted): what pull
 * and HEAD ask for, so that they reach images pushed during the run as well as the seeded ones, in a memory that does
 * not grow with the run. Thread-safe.
 */
final class RecentTags {
  private final AtomicReferenceArray<String> ring;
  private final AtomicLong added = new AtomicLong();

  RecentTags(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    ring = new AtomicReferenceArray<>(capacity);
  }

  void add(String tag) {
    long n = added.getAndIncrement();
    ring.set((int) (n % ring.length()), tag);
  }

  /** One of the last tags added, at random; empty when none was added yet. */
  Optional<String> pick(RandomGenerator random) {
    int known = (int) Math.min(added.get(), ring.length());
    if (known == 0) {
      return Optional.empty();
    }
    // A slot counted as added may still be being written by another thread: fall back on the first slot.
    String tag = ring.get(random.nextInt(known));
    return Optional.ofNullable(tag != null ? tag : ring.get(0));
  }
}
