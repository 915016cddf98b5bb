package dev.regconform.client;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request timeout of a run ({@code --request-timeout}): how long one request to the registry may take, written as
 * a number with {@code ms}, {@code s} or {@code m}.
 *
 * <pre>{@code
 * Duration timeout = RequestTimeout.parse("500ms");     // PT0.5S
 * RegistryClient.builder(url).requestTimeout(timeout).build();
 * RequestTimeout.text(Duration.ofMinutes(2));           // "2m"
 * }</pre>
 */
public final class RequestTimeout {
  /** Two minutes: what the client always allowed an answer, enough for a registry far away. */
  public static final Duration DEFAULT = Duration.ofMinutes(2);
  /** A connection is given at most this long to open, however long the request may take. */
  static final Duration MAX_CONNECT = Duration.ofSeconds(10);
  private static final Duration LONGEST = Duration.ofHours(1);
  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,7})\\s*(ms|s|m)", Pattern.CASE_INSENSITIVE);

  private RequestTimeout() {}

  /**
   * {@code 500ms}, {@code 10s}, {@code 2m} as a duration: at least 1 ms, at most an hour.
   *
   * @param what the setting's name for the message, e.g. {@code --request-timeout}
   * @param text the value: 1 to 7 digits and a unit {@code ms}, {@code s} or {@code m} (any case, spaces around and
   *     between allowed); may be null, which is invalid
   * @return the duration
   * @throws IllegalArgumentException with the syntax, naming {@code what} (e.g. {@code --request-timeout})
   */
  public static Duration parse(String what, String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid " + what + " '" + text + "': expected a number with ms, s or m, "
          + "e.g. 500ms, 10s or 2m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
    if (d.isZero() || d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("invalid " + what + " '" + text + "': it must be more than 0 and at most 1 "
          + "hour (60m)");
    }
    return d;
  }

  /**
   * The duration as {@link #parse} reads it, in the largest unit that shows it whole.
   *
   * @param d a duration; fractions of a millisecond are dropped
   * @return e.g. {@code 2m}, {@code 10s}, {@code 1500ms}
   */
  public static String text(Duration d) {
    long millis = d.toMillis();
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
