package dev.regconform.reports.book;

/**
 * One HTTP exchange a check made, normalised for the book: the target's base URL is {@code <registry>}, the run's
 * namespace {@code <namespace>}, upload sessions {@code <session>}, {@code _state} values {@code <state>}, other UUIDs
 * {@code <uuid>}, digests {@code sha256:<digest-N>} (numbered by first appearance within one check on one target, so
 * equal digests stay equal), no {@code Date} header, secrets masked as {@code ***}, bodies cut at
 * {@value BehaviourBook#MAX_BODY_CHARS} characters.
 *
 * @param method e.g. {@code DELETE}
 * @param url the normalised URL, e.g. {@code <registry>/v2/<namespace>/a/manifests/latest}
 * @param status the HTTP status, e.g. {@code 405}, or {@code no response}
 * @param errorCode the first error code of a JSON error body, e.g. {@code UNSUPPORTED}; empty when there is none
 * @param request the request line, headers, a blank line and the body, as text
 * @param response the status line, headers, a blank line and the body, as text
 */
public record Exchange(String method, String url, String status, String errorCode, String request, String response) {
  /**
   * Replaces null with empty text.
   *
   * @param method not null
   * @param url not null
   * @param status not null
   * @param errorCode null becomes empty
   * @param request null becomes empty
   * @param response null becomes empty
   */
  public Exchange {
    errorCode = errorCode == null ? "" : errorCode;
    request = request == null ? "" : request;
    response = response == null ? "" : response;
  }

  /**
   * What the book compares between targets: the request.
   *
   * @return {@code METHOD URL}, e.g. {@code DELETE <registry>/v2/<namespace>/a/manifests/latest}
   */
  public String requestLine() {
    return method + " " + url;
  }

  /**
   * The answer in short.
   *
   * @return e.g. {@code 405 UNSUPPORTED}, {@code 202}, {@code no response}
   */
  public String answer() {
    return errorCode.isEmpty() ? status : status + " " + errorCode;
  }
}
