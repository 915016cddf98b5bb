package dev.regconform.client;

import dev.regconform.reports.SecretMasking;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secrets before anything is printed or stored: credentials in headers, tokens in bodies, and upload
 * {@code _state} values in URLs (which some registries sign and which can carry identity). Every message,
 * log line and report goes through here; the patterns for text and URLs are {@link SecretMasking}'s, which the reports
 * (the behaviour book) use too.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = SecretMasking.MASK;
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-registry-auth");

  private Redaction() {}

  /**
   * Whether a header's value must never be shown: {@code Authorization}, {@code Proxy-Authorization},
   * {@code Cookie}, {@code Set-Cookie} and {@code X-Registry-Auth}.
   *
   * @param name the header's name, in any case
   * @return true when its value is a secret
   */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A header's value as it may be shown: masked whole for a secret header, else unchanged (pass it through
   * {@link #text} too when it may carry a token, as a {@code Location} with {@code _state} may).
   *
   * @param name the header's name, in any case
   * @param value the value as sent
   * @return {@link #MASK} for a secret header, else {@code value}
   */
  public static String headerValue(String name, String value) {
    return isSecretHeader(name) ? MASK : value;
  }

  /**
   * A URL with its {@code _state} parameter masked; the rest is kept.
   *
   * @param url a URL, absolute or relative
   * @return the URL with each {@code _state=} value replaced by {@link #MASK}
   */
  public static String url(String url) {
    return SecretMasking.url(url);
  }

  /**
   * Free text (bodies, messages) with tokens, passwords and credentials masked: the values of JSON fields and form or
   * query parameters named {@code token}, {@code access_token}, {@code refresh_token}, {@code password} (and
   * {@code client_secret} in forms), what follows {@code Bearer} or {@code Basic} when it looks like a credential (not
   * a challenge's {@code realm=…} nor prose like "bearer token required"), and {@code _state} values.
   *
   * @param text the text; may be cut short mid-value (a truncated body), which is still masked
   * @return the text with secrets replaced by {@link #MASK}
   */
  public static String text(String text) {
    return SecretMasking.text(text);
  }
}
