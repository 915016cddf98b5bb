package dev.regconform.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code WWW-Authenticate} challenge, e.g.
 * {@code Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:owner/app:pull"}.
 *
 * @param scheme {@code basic} or {@code bearer}, lower case
 * @param params the auth-params, keys lower case
 */
public record Challenge(String scheme, Map<String, String> params) {
  // A quoted value as an unrolled loop of possessive runs: one regex step per escape, not per character, so a value of any
  // length cannot overflow the stack (the alternation "(?:[^\"\\]|\\.)*" recursed once per character; the same form in
  // Redaction overflowed on token-auth tokens).
  private static final Pattern PARAM = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|([^,\\s]+))");

  /**
   * A challenge from its parts; {@link #parse(String)} is the usual way to get one.
   *
   * @param scheme the scheme, lower case
   * @param params the auth-params, keys lower case; copied, and neither keys nor values may be null
   */
  public Challenge {
    params = Map.copyOf(params);
  }

  /**
   * Parses one challenge. Lenient, as clients are: the scheme is whatever comes before the first space; parameters that
   * are not {@code name=value} or {@code name="quoted value"} are skipped; a quoted value's backslash escapes are
   * undone.
   *
   * @param header one {@code WWW-Authenticate} value; may be null
   * @return the challenge; empty when the header is null or blank
   */
  public static Optional<Challenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String trimmed = header.strip();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    if (space > 0) {
      Matcher m = PARAM.matcher(trimmed.substring(space + 1));
      while (m.find()) {
        params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
      }
    }
    return Optional.of(new Challenge(scheme, params));
  }

  /**
   * Whether the registry asks for a Bearer token (the Docker token flow).
   *
   * @return true for the {@code bearer} scheme
   */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /**
   * Whether the registry asks for Basic credentials.
   *
   * @return true for the {@code basic} scheme
   */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /**
   * One auth-param, such as {@code realm}, {@code service} or {@code scope}.
   *
   * @param name the parameter's name in lower case (keys are stored lower case)
   * @return its value, unquoted; empty when the challenge has no such parameter
   */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }
}
