package dev.regconform.reports.requirements;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One normative requirement of the distribution spec, as {@code distribution-spec.yaml} states it.
 *
 * @param id stable id, e.g. {@code R6}; checks name it in {@code @Covers}
 * @param section the spec heading it sits under, e.g. {@code Pulling manifests}
 * @param level the RFC 2119 word(s) as the spec uses them: {@code MUST}, {@code MUST NOT}, {@code SHOULD},
 *     {@code SHOULD NOT}, {@code MAY}, or several of them in the spec's order joined by {@code " / "}
 *     (e.g. {@code MAY / MUST} for "may refuse, and if it does it must say so")
 * @param subject who the requirement binds: {@code registry} (the default) or {@code client}
 * @param note where the level comes from when the spec says it otherwise (empty when it does not)
 * @param text the requirement in one or two sentences, in our own words
 * @param endpoints ids of the spec's endpoint table the requirement is about, e.g. {@code end-3} (may be empty)
 * @param uncheckable why no check can cover it from outside the registry (empty when one can), shown beside it in the
 *     list of requirements without a check
 */
public record Requirement(String id, String section, String level, String subject, String note, String text,
    List<String> endpoints, String uncheckable) {
  /** The RFC 2119 words a level is made of. */
  public static final Set<String> LEVEL_WORDS = Set.of("MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY");
  /** Who a requirement can bind. */
  public static final Set<String> SUBJECTS = Set.of("registry", "client");
  /** The {@link #subject()} of a requirement that binds registries. */
  public static final String REGISTRY = "registry";
  /** The {@link #subject()} of a requirement that binds clients; no check of a registry can verify it. */
  public static final String CLIENT = "client";

  /**
   * Normalises what the YAML file may leave out or space loosely; validation is {@link Requirements#parse}'s job.
   *
   * @param id taken as is, may be null here (parse reports it)
   * @param section null becomes empty; stripped
   * @param level null becomes empty; stripped
   * @param subject null or blank becomes {@link #REGISTRY}; stripped
   * @param note null becomes empty; stripped
   * @param text null becomes empty; runs of white space become one space
   * @param endpoints null becomes empty; copied
   * @param uncheckable null becomes empty; runs of white space become one space
   */
  public Requirement {
    subject = subject == null || subject.isBlank() ? REGISTRY : subject.strip();
    note = note == null ? "" : note.strip();
    text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    section = section == null ? "" : section.strip();
    level = level == null ? "" : level.strip();
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    uncheckable = uncheckable == null ? "" : uncheckable.strip().replaceAll("\\s+", " ");
  }

  /**
   * The words of {@link #level()}, split at {@code /}.
   *
   * @return e.g. {@code [MAY, MUST]} for {@code MAY / MUST}, {@code [SHOULD NOT]} for {@code SHOULD NOT}
   */
  public List<String> levelWords() {
    return Arrays.stream(level.split("/")).map(String::strip).toList();
  }

  /**
   * Whether the requirement binds clients rather than registries ({@code subject: client}).
   *
   * @return true when {@link #subject()} is {@link #CLIENT}
   */
  public boolean bindsClient() {
    return CLIENT.equals(subject);
  }

  /**
   * The level as shown in reports.
   *
   * @return e.g. {@code MUST}, or {@code MUST (client)} for a client requirement
   */
  public String levelLabel() {
    return bindsClient() ? level + " (client)" : level;
  }
}
