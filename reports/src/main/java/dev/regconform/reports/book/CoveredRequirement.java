package dev.regconform.reports.book;

/**
 * A requirement of the spec that a check covers, as the book states it under the check.
 *
 * @param id e.g. {@code R6}
 * @param level e.g. {@code MUST}, {@code MAY / MUST}, {@code MUST (client)}; empty when unknown
 * @param section the spec heading it sits under, e.g. {@code Pulling manifests}; empty when unknown
 * @param text the requirement in one or two sentences; empty when unknown
 * @param link where the spec says it, e.g. {@code https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests}
 */
public record CoveredRequirement(String id, String level, String section, String text, String link) {
  /**
   * Replaces null with empty text.
   *
   * @param id not null
   * @param level null becomes empty
   * @param section null becomes empty
   * @param text null becomes empty
   * @param link null becomes empty
   */
  public CoveredRequirement {
    level = level == null ? "" : level;
    section = section == null ? "" : section;
    text = text == null ? "" : text;
    link = link == null ? "" : link;
  }
}
