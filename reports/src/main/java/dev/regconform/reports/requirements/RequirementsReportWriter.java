package dev.regconform.reports.requirements;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes {@code requirements.md} (for people) and {@code requirements.json} (for machines): for every
 * requirement its level and text, the checks that cover it and their outcome on each target; then the
 * requirements without a check, the checks without a requirement, and requirement ids that checks name but
 * the requirements file does not have.
 *
 * <pre>{@code
 * {
 *   "spec": "OCI distribution-spec", "version": "…",
 *   "targets": [{"target": "http://127.0.0.1:5000", "description": "…"}],
 *   "counts": {"requirements": 79, "covered": 30, "withoutCheck": 49, "checks": 42, "checksWithoutRequirement": 0,
 *              "unknownRequirementIds": 0},
 *   "requirements": [{"id": "R6", "section": "Pulling manifests", "level": "MUST", "subject": "registry",
 *     "note": "", "text": "…", "endpoints": ["end-3"],
 *     "verdicts": [{"target": "http://…", "verdict": "passed"}],
 *     "checks": [{"id": "pull.by-tag.manifest-bytes[oci]", "level": "MUST",
 *                 "outcomes": [{"target": "http://…", "outcome": "passed"}]}]}],
 *   "requirementsWithoutCheck": ["R2", …],
 *   "checksWithoutRequirement": ["…"],
 *   "unknownRequirementIds": [{"id": "R99", "checks": ["…"]}]
 * }
 * }</pre>
 */
public final class RequirementsReportWriter {
  /** The file name of the Markdown report inside the report directory. */
  public static final String MARKDOWN = "requirements.md";
  /** The file name of the JSON report inside the report directory. */
  public static final String JSON = "requirements.json";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RequirementsReportWriter() {}

  /**
   * Writes both files into {@code dir}, UTF-8, replacing files of the same names.
   *
   * @param dir the report directory; created with its parents when missing
   * @param requirements the requirements file, usually {@link Requirements#load()}
   * @param runs one per target, in column order
   * @return what the files say, e.g. to warn on the console about unknown ids
   * @throws IOException when the directory or a file cannot be written
   */
  public static Traceability write(Path dir, Requirements requirements, List<TargetRun> runs) throws IOException {
    Traceability trace = Traceability.of(requirements, runs);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKDOWN), markdown(trace), StandardCharsets.UTF_8);
    MAPPER.writeValue(dir.resolve(JSON).toFile(), json(trace));
    return trace;
  }

  static ObjectNode json(Traceability trace) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("spec", trace.requirements().spec());
    root.put("version", trace.requirements().version());
    ArrayNode targets = root.putArray("targets");
    for (TargetRun run : trace.targets()) {
      targets.addObject().put("target", run.target()).put("description", run.description());
    }
    ObjectNode counts = root.putObject("counts");
    counts.put("requirements", trace.rows().size());
    counts.put("covered", trace.rows().size() - trace.requirementsWithoutCheck().size());
    counts.put("withoutCheck", trace.requirementsWithoutCheck().size());
    counts.put("checks", trace.checks().size());
    counts.put("checksWithoutRequirement", trace.checksWithoutRequirement().size());
    counts.put("unknownRequirementIds", trace.unknownRequirementIds().size());
    ArrayNode requirements = root.putArray("requirements");
    for (Traceability.Row row : trace.rows()) {
      Requirement r = row.requirement();
      ObjectNode n = requirements.addObject();
      n.put("id", r.id());
      n.put("section", r.section());
      n.put("level", r.level());
      n.put("subject", r.subject());
      n.put("note", r.note());
      n.put("text", r.text());
      r.endpoints().forEach(n.putArray("endpoints")::add);
      if (!r.uncheckable().isEmpty()) {
        n.put("uncheckable", r.uncheckable());
      }
      ArrayNode verdicts = n.putArray("verdicts");
      for (int t = 0; t < trace.targets().size(); t++) {
        verdicts.addObject().put("target", trace.targets().get(t).target())
            .put("verdict", row.verdicts().get(t).map(Outcome::label).orElse(null));
      }
      ArrayNode checks = n.putArray("checks");
      for (Traceability.Check c : row.checks()) {
        ObjectNode cn = checks.addObject().put("id", c.id()).put("level", c.level());
        ArrayNode outcomes = cn.putArray("outcomes");
        for (int t = 0; t < trace.targets().size(); t++) {
          outcomes.addObject().put("target", trace.targets().get(t).target())
              .put("outcome", c.outcomes().get(t).map(Outcome::label).orElse(null));
        }
      }
    }
    ArrayNode withoutCheck = root.putArray("requirementsWithoutCheck");
    trace.requirementsWithoutCheck().forEach(r -> withoutCheck.add(r.id()));
    ArrayNode withoutRequirement = root.putArray("checksWithoutRequirement");
    trace.checksWithoutRequirement().forEach(c -> withoutRequirement.add(c.id()));
    ArrayNode unknown = root.putArray("unknownRequirementIds");
    trace.unknownRequirementIds().forEach((id, checks) -> {
      ObjectNode u = unknown.addObject().put("id", id);
      checks.forEach(u.putArray("checks")::add);
    });
    return root;
  }

  static String markdown(Traceability trace) {
    StringBuilder md = new StringBuilder();
    List<Traceability.Row> rows = trace.rows();
    int without = trace.requirementsWithoutCheck().size();
    md.append("# Requirements of the ").append(trace.requirements().spec()).append("\n\n");
    md.append(rows.size()).append(" requirements (").append(trace.requirements().version()).append("): ")
        .append(rows.size() - without).append(" covered by at least one check, ").append(without)
        .append(" without a check. ").append(trace.checks().size()).append(" checks ran, ")
        .append(trace.checksWithoutRequirement().size()).append(" of them without a requirement.\n\n");
    md.append("Verdict on a target: the first of failed, broken, warning, passed, unsupported, skipped, disabled "
        + "that one of the requirement's checks reached there; — when none ran.\n\n");
    List<String> labels = new ArrayList<>();
    for (int t = 0; t < trace.targets().size(); t++) {
      TargetRun run = trace.targets().get(t);
      String label = "T" + (t + 1);
      labels.add(label);
      md.append("- ").append(label).append(": ").append(cell(run.description()));
      if (!run.description().equals(run.target())) {
        md.append(" (").append(run.target()).append(")");
      }
      md.append("\n");
    }
    md.append("\n## Summary\n\n| Id | Level | Section | Requirement | Checks |");
    labels.forEach(l -> md.append(' ').append(l).append(" |"));
    md.append("\n|---|---|---|---|---|");
    labels.forEach(l -> md.append("---|"));
    md.append("\n");
    for (Traceability.Row row : rows) {
      Requirement r = row.requirement();
      md.append("| ").append(anchorLink(row)).append(" | ").append(cell(r.levelLabel())).append(" | ")
          .append(cell(r.section())).append(" | ").append(cell(r.text())).append(" | ").append(row.checks().size())
          .append(" |");
      for (int t = 0; t < labels.size(); t++) {
        md.append(' ').append(row.verdicts().get(t).map(Outcome::label).orElse("—")).append(" |");
      }
      md.append("\n");
    }

    md.append("\n## Checks per requirement\n");
    for (Traceability.Row row : rows) {
      if (row.checks().isEmpty()) {
        continue;
      }
      Requirement r = row.requirement();
      md.append("\n### ").append(r.id()).append(": ").append(r.levelLabel()).append(", ").append(r.section())
          .append("\n\n").append(r.text()).append("\n");
      if (!r.note().isEmpty()) {
        md.append("\nLevel: ").append(r.note()).append(".\n");
      }
      if (!r.endpoints().isEmpty()) {
        md.append("\nEndpoints: ").append(String.join(", ", r.endpoints())).append(".\n");
      }
      md.append("\n| Check | Level |");
      labels.forEach(l -> md.append(' ').append(l).append(" |"));
      md.append("\n|---|---|");
      labels.forEach(l -> md.append("---|"));
      md.append("\n");
      for (Traceability.Check c : row.checks()) {
        md.append("| `").append(c.id()).append("` | ").append(c.level()).append(" |");
        for (int t = 0; t < labels.size(); t++) {
          md.append(' ').append(c.outcomes().get(t).map(Outcome::label).orElse("—")).append(" |");
        }
        md.append("\n");
      }
    }

    md.append("\n## Requirements without a check\n\n");
    if (without == 0) {
      md.append("None.\n");
    } else {
      md.append("| Id | Level | Section | Requirement | Why no check |\n|---|---|---|---|---|\n");
      for (Requirement r : trace.requirementsWithoutCheck()) {
        md.append("| ").append(r.id()).append(" | ").append(cell(r.levelLabel())).append(" | ")
            .append(cell(r.section())).append(" | ").append(cell(r.text())).append(" | ")
            .append(r.uncheckable().isEmpty() ? "not written yet" : cell(r.uncheckable())).append(" |\n");
      }
    }

    md.append("\n## Checks without a requirement\n\n");
    List<Traceability.Check> orphans = trace.checksWithoutRequirement();
    if (orphans.isEmpty()) {
      md.append("None.\n");
    } else {
      orphans.forEach(c -> md.append("- `").append(c.id()).append("`\n"));
    }

    md.append("\n## Unknown requirement ids\n\n");
    Map<String, List<String>> unknown = trace.unknownRequirementIds();
    if (unknown.isEmpty()) {
      md.append("None: every id the checks name is in the requirements file.\n");
    } else {
      md.append("Checks name these ids, which the requirements file does not have:\n\n");
      unknown.forEach((id, checks) -> md.append("- ").append(cell(id)).append(": ")
          .append(checks.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))).append("\n"));
    }
    return md.toString();
  }

  /** The id, linked to its section below when it has checks. */
  private static String anchorLink(Traceability.Row row) {
    if (row.checks().isEmpty()) {
      return row.requirement().id();
    }
    Requirement r = row.requirement();
    String heading = r.id() + ": " + r.levelLabel() + ", " + r.section();
    return "[" + r.id() + "](#" + anchor(heading) + ")";
  }

  /** GitHub's heading anchor: lower case, spaces to '-', punctuation other than '-' and '_' dropped. */
  static String anchor(String heading) {
    return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String text) {
    return Optional.ofNullable(text).orElse("").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }
}
