package dev.regconform.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: {@code 1073741824}, {@code 32MiB}, {@code 1 GiB} (binary units only), and back. */
public final class ByteSize {
  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,19})\\s*([KMGT]iB|B)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * The number of bytes {@code text} names: digits alone are bytes; {@code KiB}, {@code MiB}, {@code GiB} and
   * {@code TiB} (any case) multiply by 2^10, 2^20, 2^30 and 2^40.
   *
   * @throws IllegalArgumentException when {@code text} is not such a size, is 0, or is more than a long holds
   */
  public static long parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size '" + text + "': expected bytes, or a whole number with KiB, MiB, "
          + "GiB or TiB, e.g. 1GiB or 32MiB");
    }
    int shift = m.group(2) == null ? 0 : switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "KIB" -> 10;
      case "MIB" -> 20;
      case "GIB" -> 30;
      case "TIB" -> 40;
      default -> 0;
    };
    long number;
    try {
      number = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size '" + text + "': too large", e);
    }
    if (number == 0) {
      throw new IllegalArgumentException("invalid size '" + text + "': a blob to benchmark needs at least 1 byte");
    }
    if (Long.numberOfLeadingZeros(number) <= shift) {
      throw new IllegalArgumentException("invalid size '" + text + "': too large");
    }
    return number << shift;
  }

  /** {@code 1 GiB}, {@code 32 MiB}, {@code 1.5 KiB}, {@code 1000 bytes}: the largest unit that gives at least 1. */
  public static String format(long bytes) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    for (int i = units.length; i >= 1; i--) {
      long unit = 1L << (10 * i);
      if (bytes >= unit) {
        return bytes % unit == 0 ? bytes / unit + " " + units[i - 1]
            : String.format(Locale.ROOT, "%.2f %s", (double) bytes / unit, units[i - 1]);
      }
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }
}
