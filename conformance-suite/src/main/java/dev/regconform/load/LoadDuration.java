package dev.regconform.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
public final class LoadDuration {
  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);
  /** The longest run: a day. */
  public static final Duration MAX = Duration.ofHours(24);

  private LoadDuration() {}

  /**
   * The duration {@code text} names: a whole number with {@code ms}, {@code s}, {@code m} or {@code h}.
   *
   * @throws IllegalArgumentException when {@code text} is not such a duration, is 0, or is more than {@link #MAX}
   */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid duration '" + text + "': expected a whole number with ms, s, m or h, "
          + "e.g. 500ms, 30s, 2m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero() || d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("invalid duration '" + text + "': must be more than 0 and at most 24h");
    }
    return d;
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 90s}: the shortest exact form {@link #parse} reads. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
