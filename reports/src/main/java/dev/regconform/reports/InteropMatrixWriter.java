package dev.regconform.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the client interop matrix of every target ({@link InteropMatrix}) as {@code interop-matrix.md} (to read or
 * paste into an issue) and {@code interop-matrix.json} (for scripts). Nothing is written when no target has one.
 *
 * <pre>{@code
 * {"targets": [{"target": "http://127.0.0.1:5000", "description": "…", "clients": ["docker", "skopeo", …],
 *   "rows": [{"pusher": "docker", "check": "clients.interop.from-docker", "push": {"status": "ok", "detail": ""},
 *             "pulls": {"toolkit": {"status": "ok", "detail": ""}, "skopeo": {"status": "failed", "detail": "…"}}}]}]}
 * }</pre>
 */
public final class InteropMatrixWriter {
  /** The file name of the Markdown document inside the report directory. */
  public static final String MARKDOWN = "interop-matrix.md";
  /** The file name of the JSON document inside the report directory. */
  public static final String JSON = "interop-matrix.json";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InteropMatrixWriter() {}

  /**
   * Writes both files into {@code dir}, replacing files of the same names; writes nothing, and creates no directory,
   * when no run holds interop facts.
   *
   * @param dir the report directory; created with its parents when needed
   * @param runs every target's run; those without interop checks are left out
   * @return the matrices written, one per target that has one, in the order of {@code runs}; empty when none
   * @throws IOException when the directory or a file cannot be written
   */
  public static List<InteropMatrix> write(Path dir, List<TargetRun> runs) throws IOException {
    List<InteropMatrix> matrices = runs.stream().map(InteropMatrix::of).flatMap(Optional::stream).toList();
    if (matrices.isEmpty()) {
      return matrices;
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKDOWN), markdown(matrices));
    MAPPER.writeValue(dir.resolve(JSON).toFile(), json(matrices));
    return matrices;
  }

  static String markdown(List<InteropMatrix> matrices) {
    StringBuilder md = new StringBuilder("# Client interop matrix\n\n"
        + "Each row is one client pushing an image; each column another client (or the toolkit) pulling it by digest "
        + "and comparing it with what was pushed. `ok`: identical; `failed`: the pull failed or differed (see below); "
        + "`skipped`: that client is not available here; `-`: the pusher itself.\n");
    for (InteropMatrix m : matrices) {
      md.append("\n## ").append(cell(m.description()));
      if (!m.description().equals(m.target())) {
        md.append(" (").append(m.target()).append(')');
      }
      md.append("\n\n| pushed by \\ pulled by | push |");
      m.clients().forEach(c -> md.append(' ').append(c).append(" |"));
      md.append("\n|---|---|");
      m.clients().forEach(c -> md.append("---|"));
      md.append('\n');
      for (InteropMatrix.Row row : m.rows()) {
        md.append("| ").append(row.pusher()).append(" | ").append(row.push().status().label()).append(" |");
        for (String client : m.clients()) {
          String shown = client.equals(row.pusher()) ? "-"
              : row.pull(client).map(c -> c.status().label()).orElse("not run");
          md.append(' ').append(shown).append(" |");
        }
        md.append('\n');
      }
      StringBuilder why = new StringBuilder();
      for (InteropMatrix.Row row : m.rows()) {
        if (row.push().status() != InteropMatrix.Status.OK) {
          why.append("- ").append(row.pusher()).append(" push (").append(row.checkId()).append("): ")
              .append(row.push().status().label()).append(detail(row.push().detail())).append('\n');
        }
        row.pulls().forEach((client, c) -> {
          if (c.status() != InteropMatrix.Status.OK) {
            why.append("- ").append(row.pusher()).append(" → ").append(client).append(": ")
                .append(c.status().label()).append(detail(c.detail())).append('\n');
          }
        });
      }
      if (!why.isEmpty()) {
        md.append('\n').append(why);
      }
    }
    return md.toString();
  }

  private static String detail(String detail) {
    if (detail.isEmpty()) {
      return "";
    }
    String indented = detail.replace("\n", "\n  ");
    return detail.contains("\n") ? "\n  ```\n  " + indented + "\n  ```" : " — " + detail;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static ObjectNode json(List<InteropMatrix> matrices) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode targets = root.putArray("targets");
    for (InteropMatrix m : matrices) {
      ObjectNode t = targets.addObject();
      t.put("target", m.target());
      t.put("description", m.description());
      m.clients().forEach(t.putArray("clients")::add);
      ArrayNode rows = t.putArray("rows");
      for (InteropMatrix.Row row : m.rows()) {
        ObjectNode r = rows.addObject();
        r.put("pusher", row.pusher());
        r.put("check", row.checkId());
        r.set("push", cellJson(row.push()));
        ObjectNode pulls = r.putObject("pulls");
        row.pulls().forEach((client, c) -> pulls.set(client, cellJson(c)));
      }
    }
    return root;
  }

  private static ObjectNode cellJson(InteropMatrix.Cell cell) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("status", cell.status().label());
    n.put("detail", cell.detail());
    return n;
  }
}
