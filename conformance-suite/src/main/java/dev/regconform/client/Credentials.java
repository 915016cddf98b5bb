package dev.regconform.client;

import java.util.Objects;

/**
 * A username and a password or personal access token. {@link #toString()} never shows the secret.
 *
 * @param username the account name
 * @param password the password or token
 */
public record Credentials(String username, String password) {
  /**
   * Credentials for one account.
   *
   * @param username the account name
   * @param password the password or token
   * @throws NullPointerException when either is null
   */
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /**
   * The {@code Authorization} value for Basic authentication. It holds the secret: never print it.
   *
   * @return {@code Basic base64(username:password)}, UTF-8 encoded
   */
  public String basicHeaderValue() {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=" + Redaction.MASK + "]";
  }
}
