package dev.regconform.reports.book;

/**
 * A registry the book shows, as the run's {@code summary.json} names it. The book prints only the description: the
 * URL and namespace change every run and appear in the exchanges as {@code <registry>} and {@code <namespace>}.
 *
 * @param description what the run called the target, e.g. {@code Distribution 2.8.2} or its URL
 * @param url the base URL the run talked to, e.g. {@code http://127.0.0.1:5000}
 * @param namespace the run's namespace on it, e.g. {@code regconform/run-20261127-040738-bcb2}
 */
public record BookTarget(String description, String url, String namespace) {
  /**
   * Replaces null with empty text.
   *
   * @param description null becomes the URL
   * @param url null becomes empty
   * @param namespace null becomes empty
   */
  public BookTarget {
    url = url == null ? "" : url;
    namespace = namespace == null ? "" : namespace;
    description = description == null || description.isBlank() ? url : description;
  }
}
