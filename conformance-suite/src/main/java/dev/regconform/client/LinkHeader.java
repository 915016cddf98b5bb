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

  /** The target of the first entry with {@code rel="next"} among the given header values, as written. */
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

  /** Whether every value is well-formed: {@code <target>} followed by {@code ; param} entries, with a rel. */
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
