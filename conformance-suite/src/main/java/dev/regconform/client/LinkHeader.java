package dev.regconform.client;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 5988 / RFC 8288 {@code Link} headers as registries send them for pagination:
 * {@code </v2/acme/app/tags/list?n=2&last=b>; rel="next"}.
 */
public final class LinkHeader {
  private static final Pattern ENTRY = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";]+)\"?");

  private LinkHeader() {}

  /**
   * The next page: the target of the first entry whose {@code rel} includes {@code next}.
   *
   * @param headerValues every {@code Link} value of an answer ({@link RegistryResponse#headers(String)}), in order
   * @return the target as written, often relative (resolve it with {@link RegistryClient#resolve}); empty when no
   *     entry has {@code rel="next"}
   */
  public static Optional<String> next(List<String> headerValues) {
    for (String value : headerValues) {
      Matcher m = ENTRY.matcher(value);
      while (m.find()) {
        Matcher rel = REL.matcher(m.group(2));
        if (rel.find() && List.of(rel.group(1).trim().split("\\s+")).contains("next")) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every value is well-formed: comma-separated entries, each {@code <target>} followed by {@code ; param}
   * parameters, one of them a {@code rel}.
   *
   * @param headerValues every {@code Link} value of an answer
   * @return true when all are well-formed, or there are none
   */
  public static boolean isWellFormed(List<String> headerValues) {
    for (String value : headerValues) {
      for (String entry : value.split(",(?=\\s*<)")) {
        Matcher m = ENTRY.matcher(entry.trim());
        if (!m.matches() || !REL.matcher(m.group(2)).find()) {
          return false;
        }
      }
    }
    return true;
  }
}
