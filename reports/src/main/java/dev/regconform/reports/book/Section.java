package dev.regconform.reports.book;

import java.util.List;
import java.util.Optional;

/**
 * One check's section of the book: the behaviour it expects in plain words, and what each target did.
 *
 * @param checkId the check's stable id, e.g. {@code delete.tag.only-that-tag}; the section's anchor is
 *     {@link #anchor()}
 * @param behaviour the check's behaviour sentence (its display name without its class's), e.g. {@code DELETE of a tag
 *     answers 202 and removes only that tag}
 * @param level {@code MUST}, {@code SHOULD} or {@code MAY}
 * @param workflow the check's workflow tags as the run gives them, e.g. {@code delete} or {@code delete,push}
 * @param requirements what it covers, in the check's order
 * @param results one per target the check ran on, in the book's target order
 * @param differences one sentence per way the targets differ (verdict, or the answer to the same request); empty when
 *     they agree or there is one target
 */
public record Section(String checkId, String behaviour, String level, String workflow,
    List<CoveredRequirement> requirements, List<TargetResult> results, List<String> differences) {
  /**
   * Copies the lists.
   *
   * @param checkId not null
   * @param behaviour not null
   * @param level not null
   * @param workflow not null
   * @param requirements copied; not null
   * @param results copied; not null
   * @param differences copied; not null
   */
  public Section {
    requirements = List.copyOf(requirements);
    results = List.copyOf(results);
    differences = List.copyOf(differences);
  }

  /**
   * The HTML id and Markdown anchor of the section.
   *
   * @return {@code check-} and the id, with each run of characters other than letters, digits, {@code .}, {@code _}
   *     and {@code -} made one {@code -} (as the conformance matrix does), e.g. {@code check-delete.tag.only-that-tag},
   *     {@code check-untagged.push-by-digest-oci} for {@code untagged.push-by-digest[oci]}
   */
  public String anchor() {
    String slug = checkId.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return "check-" + (slug.isEmpty() ? "x" : slug);
  }

  /**
   * What the check did on one target.
   *
   * @param target one of the book's targets
   * @return empty when the check did not run there
   */
  public Optional<TargetResult> result(BookTarget target) {
    return results.stream().filter(r -> r.target().equals(target)).findFirst();
  }

  /**
   * Whether the targets differ here.
   *
   * @return true when {@link #differences()} is not empty
   */
  public boolean differs() {
    return !differences.isEmpty();
  }
}
