package dev.regconform.reports;

import java.util.regex.Pattern;

/**
 * The masking of secrets in free text and URLs, shared by everything the toolkit prints or stores (the client's
 * {@code Redaction}, every report, the behaviour book): tokens, passwords and credentials in bodies, messages and
 * queries, and upload {@code _state} values in URLs.
 */
public final class SecretMasking {
  /** What a secret is replaced with. */
  public static final String MASK = "***";
  private static final Pattern STATE = Pattern.compile("(?i)([?&]_state=)[^&\\s]*");
  // The value may hold escaped quotes, and may be cut off by truncation before its closing quote. Written as an unrolled
  // loop of possessive runs, one regex step per escape: the alternation "(?:[^\"\\]|\\.)*" recursed once per character
  // and overflowed the stack on a token-auth registry's tokens (a JWT carrying its x5c certificate chain).
  private static final Pattern TOKEN_FIELD = Pattern.compile("(?i)(\"(?:token|access_token|refresh_token|id_token|password)\""
      + "\\s*:\\s*\")[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\\\\?(\"|$)");
  // The same fields in a form body or a query (the OAuth2 token request: grant_type=password&…&password=…).
  private static final Pattern FORM_FIELD = Pattern.compile(
      "(?i)((?:^|[?&\\s])(?:token|access_token|refresh_token|password|client_secret)=)[^&\\s]*");
  // Not the auth-params of a WWW-Authenticate challenge (Bearer realm="…"), which are no secret, nor the words of
  // prose such as docker's "no basic auth credentials" or "bearer token required".
  private static final Pattern AUTH_VALUE = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+"
      + "(?!(?:realm|service|scope|error|error_description|error_uri)\\s*=)"
      + "(?!(?:auth|authentication|authorization|credentials?|tokens?|scheme|challenge|realm)(?![A-Za-z0-9._~+/=-]))"
      + "[A-Za-z0-9._~+/=-]+");

  private SecretMasking() {}

  /**
   * A URL with its {@code _state} parameter masked; the rest is kept.
   *
   * @param url a URL, absolute or relative
   * @return the URL with each {@code _state=} value replaced by {@link #MASK}
   */
  public static String url(String url) {
    return STATE.matcher(url).replaceAll("$1" + MASK);
  }

  /**
   * Free text (bodies, messages) with tokens, passwords and credentials masked: the values of JSON fields and form or
   * query parameters named {@code token}, {@code access_token}, {@code refresh_token}, {@code password} (also
   * {@code id_token} in JSON, {@code client_secret} in forms), what follows {@code Bearer} or {@code Basic} when it
   * looks like a credential (not a challenge's {@code realm=…} nor prose like "bearer token required"), and
   * {@code _state} values. Safe on text of any length (no regex recursion per character).
   *
   * @param text the text; may be cut short mid-value (a truncated body), which is still masked
   * @return the text with secrets replaced by {@link #MASK}
   */
  public static String text(String text) {
    String t = TOKEN_FIELD.matcher(text).replaceAll("$1" + MASK + "$2");
    t = FORM_FIELD.matcher(t).replaceAll("$1" + MASK);
    t = AUTH_VALUE.matcher(t).replaceAll("$1 " + MASK);
    return url(t);
  }
}
