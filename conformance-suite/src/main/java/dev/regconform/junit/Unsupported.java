package dev.regconform.junit;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import java.util.Arrays;

/**
 * Ends a check as unsupported when the registry says an optional feature is absent.
 *
 * <pre>{@code
 * RegistryResponse delete = registry.deleteManifest(repo, digest.toString());
 * Unsupported.ifRegistryAnswers(delete, "manifest deletion", 400, 405);   // 400 only with UNSUPPORTED
 * assertThat(delete).hasStatus(202);
 * }</pre>
 */
public final class Unsupported {
  private Unsupported() {}

  /**
   * Aborts the check as unsupported when the response has one of {@code statuses}. A 400 counts only when
   * the body carries {@code UNSUPPORTED}, since 400 otherwise means a bad request. Returns normally otherwise.
   *
   * @param response the registry's answer
   * @param feature the feature in words, starting the reason, e.g. {@code manifest deletion}
   * @param statuses the statuses that mean "not offered" for this endpoint, e.g. 405
   * @throws FeatureUnsupportedException when the answer says the feature is not offered; the reason names the request,
   *     the status and the error codes
   */
  public static void ifRegistryAnswers(RegistryResponse response, String feature, int... statuses) {
    int status = response.status();
    boolean listed = Arrays.stream(statuses).anyMatch(s -> s == status);
    boolean unsupportedCode = response.errors().stream().anyMatch(e -> e.code().equals(ErrorCode.UNSUPPORTED.name()));
    if (listed && (status != 400 || unsupportedCode)) {
      throw new FeatureUnsupportedException(feature + " is not offered: " + response.requestLine() + " answered "
          + status + (response.errors().isEmpty() ? "" : " " + response.errors()));
    }
  }

  /**
   * Aborts the check as unsupported, saying why.
   *
   * @param reason the reason shown for the check
   * @throws FeatureUnsupportedException always
   */
  public static void because(String reason) {
    throw new FeatureUnsupportedException(reason);
  }
}
