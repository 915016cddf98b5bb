package dev.regconform.load;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * How often each operation comes up: weights, as in {@code push=1,pull=4,head=2,tags=1} (pull four times as often as
 * push). An operation left out, or weighted 0, never runs.
 *
 * <pre>{@code
 * Mix mix = Mix.parse("push=1,pull=4");
 * Operation next = mix.pick(ThreadLocalRandom.current());   // PULL four times in five
 * }</pre>
 *
 * @param weights the weight of each operation that runs (at least one, each at least 1), in {@link Operation} order
 */
public record Mix(Map<Operation, Integer> weights) {
  /** The default mix: {@code push=1,pull=4,head=2,tags=1}. */
  public static final Mix DEFAULT = parse("push=1,pull=4,head=2,tags=1");
  private static final int MAX_WEIGHT = 1000;

  public Mix {
    EnumMap<Operation, Integer> copy = new EnumMap<>(Operation.class);
    weights.forEach((op, w) -> {
      if (w < 0 || w > MAX_WEIGHT) {
        throw new IllegalArgumentException("weight of " + op.label() + " must be 0 to " + MAX_WEIGHT + ", was " + w);
      }
      if (w > 0) {
        copy.put(op, w);
      }
    });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a mix needs at least one operation with a weight above 0");
    }
    weights = Collections.unmodifiableMap(copy);
  }

  /**
   * The mix {@code text} names: comma-separated {@code operation=weight}, operations {@code push}, {@code pull},
   * {@code head} and {@code tags}, weights whole numbers 0 to 1000; each operation at most once.
   *
   * @throws IllegalArgumentException with one line saying what is wrong and what is expected
   */
  public static Mix parse(String text) {
    String expected = "expected operation=weight pairs separated by commas, operations push, pull, head, tags, "
        + "weights 0 to " + MAX_WEIGHT + ", e.g. push=1,pull=4,head=2,tags=1";
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid --mix '': " + expected);
    }
    EnumMap<Operation, Integer> weights = new EnumMap<>(Operation.class);
    for (String pair : text.split(",", -1)) {
      String[] parts = pair.split("=", -1);
      if (parts.length != 2 || !parts[1].trim().matches("\\d{1,4}")) {
        throw new IllegalArgumentException("invalid --mix '" + text + "' at '" + pair.trim() + "': " + expected);
      }
      Operation op = Operation.ofLabel(parts[0]).orElseThrow(() -> new IllegalArgumentException("invalid --mix '"
          + text + "': unknown operation '" + parts[0].trim() + "'; " + expected));
      if (weights.put(op, Integer.parseInt(parts[1].trim())) != null) {
        throw new IllegalArgumentException("invalid --mix '" + text + "': " + op.label() + " given twice; " + expected);
      }
    }
    try {
      return new Mix(weights);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid --mix '" + text + "': " + e.getMessage() + "; " + expected, e);
    }
  }

  /** An operation drawn at random with these weights. */
  public Operation pick(RandomGenerator random) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int draw = random.nextInt(total);
    for (Map.Entry<Operation, Integer> e : weights.entrySet()) {
      draw -= e.getValue();
      if (draw < 0) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unreachable: the draw is below the total weight");
  }

  /** Whether the operation runs at all. */
  public boolean includes(Operation op) {
    return weights.containsKey(op);
  }

  /** {@code push=1,pull=4,head=2,tags=1}: the form {@link #parse} reads, operations in their fixed order. */
  @Override
  public String toString() {
    return weights.entrySet().stream().map(e -> e.getKey().label() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** The operations that run, in their fixed order. */
  public Operation[] operations() {
    return Arrays.stream(Operation.values()).filter(this::includes).toArray(Operation[]::new);
  }
}
