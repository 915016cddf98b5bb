package dev.regconform.reports.book;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The book's chapters in their fixed order, and which one a check belongs to: by its workflow tags (the run's
 * {@code workflow}, e.g. {@code delete,push}), except {@code formats.foreign-layer.*}, which is its own chapter. A
 * check with several tags goes to the most specific one (the first of {@link #PRECEDENCE}); a tag no chapter knows
 * gets a chapter of its own after the known ones.
 */
final class Chapters {
  /** A known chapter: its key, title, one sentence on it, and the workflow tags it gathers. */
  record Known(String key, String title, String summary, List<String> tags) {}

  static final List<Known> KNOWN = List.of(
      new Known("auth", "Authenticate with a token",
          "The challenge to anonymous requests, the token flow, scoped and read-only credentials, bad tokens.",
          List.of("auth")),
      new Known("push", "Push",
          "Blob uploads (monolithic, chunked, single POST, mount) and manifest pushes.", List.of("push")),
      new Known("pull", "Pull by name, tag, latest and digest",
          "Manifests and blobs pulled by name, tag, latest and digest, HEAD agreeing with GET, content negotiation.",
          List.of("pull")),
      new Known("untagged", "Untagged manifests",
          "Manifests pushed by digest alone: stored, pulled by digest, absent from the tag list.",
          List.of("untagged")),
      new Known("external-layers", "External layers",
          "Images whose base layer is foreign (Docker) or non-distributable (OCI), pushed without that blob.",
          List.of()),
      new Known("tags-and-catalog", "Tags and catalog",
          "The tag list and the catalog: shape, order, pagination with n, last and Link.", List.of("discovery")),
      new Known("delete", "Delete", "Deleting manifests by digest and by tag, and blobs, and what remains after.",
          List.of("delete")),
      new Known("referrers", "Referrers",
          "The referrers API: subjects, artifact types, filters, pages, and the tag schema without it.",
          List.of("referrers")),
      new Known("errors", "Errors",
          "Unknown content, invalid names and references, and the JSON error body.", List.of("errors")),
      new Known("manifests", "Manifests and image formats",
          "Manifest content, the official data sets, multi-platform indexes, artifacts, Range requests.",
          List.of("manifests")),
      new Known("retag", "Tag and retag", "A second tag on a manifest, and a tag moved to another.",
          List.of("retag")),
      new Known("robustness", "Bad input",
          "Requests a registry must refuse, and proof that nothing they named was stored.", List.of("robustness")),
      new Known("concurrency", "Concurrency", "Several clients at once on the same blob, manifest, tag or upload.",
          List.of("concurrency")),
      new Known("clients", "Real clients", "docker, skopeo and Jib against the registry, and what each pulls of "
          + "what another pushed.", List.of("clients")));

  /** Which tag wins when a check has several: the most specific first. */
  static final List<String> PRECEDENCE = List.of("auth", "referrers", "delete", "untagged", "errors", "discovery",
      "retag", "robustness", "concurrency", "clients", "pull", "push", "manifests");

  static final String EXTERNAL_LAYERS_PREFIX = "formats.foreign-layer.";

  private Chapters() {}

  /**
   * The chapter key of a check.
   *
   * @return a {@link #KNOWN} key, or the check's first workflow tag when no chapter knows it, or
   *     {@code other} without tags
   */
  static String keyOf(String checkId, String workflow) {
    if (checkId.startsWith(EXTERNAL_LAYERS_PREFIX)) {
      return "external-layers";
    }
    List<String> tags = Arrays.stream(workflow == null ? new String[0] : workflow.split(","))
        .map(String::strip).filter(t -> !t.isEmpty()).toList();
    Optional<String> tag = PRECEDENCE.stream().filter(tags::contains).findFirst();
    if (tag.isEmpty()) {
      return tags.isEmpty() ? "other" : tags.get(0).replaceAll("[^A-Za-z0-9-]", "-");
    }
    return KNOWN.stream().filter(k -> k.tags().contains(tag.get())).map(Known::key).findFirst().orElseThrow();
  }

  static Optional<Known> known(String key) {
    return KNOWN.stream().filter(k -> k.key().equals(key)).findFirst();
  }
}
