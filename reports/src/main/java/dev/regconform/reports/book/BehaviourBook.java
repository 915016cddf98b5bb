package dev.regconform.reports.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STAND-IN for the behaviour book (issue 11), written on branch {@code docscmd} only so that {@code regconform docs}
 * compiles and can be tested: the real {@code BehaviourBook} (branch {@code book}) replaces this file at merge. It
 * keeps only the outline: the checks of a run's {@code summary.json}, one section per check with each target's outcome,
 * as {@code book.json}, a trivial {@code index.md} and an {@code index.html} with anchors {@code check-<id>}.
 */
public final class BehaviourBook {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Check id → chapter (the check's workflow), in the run's order. */
  private final Map<String, String> chapters;
  /** Target description → (check id → outcome). */
  private final Map<String, Map<String, String>> outcomes;

  private BehaviourBook(Map<String, String> chapters, Map<String, Map<String, String>> outcomes) {
    this.chapters = chapters;
    this.outcomes = outcomes;
  }

  /**
   * Reads the book's material from a run's report directory.
   *
   * @param reportDir a directory {@code regconform run} wrote (its {@code summary.json})
   * @return the book
   * @throws IOException when {@code summary.json} is missing or cannot be read
   */
  public static BehaviourBook read(Path reportDir) throws IOException {
    Path summary = reportDir.resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      throw new IOException(reportDir + " holds no summary.json: not the report directory of a run");
    }
    JsonNode root = MAPPER.readTree(summary.toFile());
    if (!root.path("targets").isArray()) {
      throw new IOException(summary + " lists no targets: not the summary.json of a run");
    }
    Map<String, String> chapters = new LinkedHashMap<>();
    Map<String, Map<String, String>> outcomes = new LinkedHashMap<>();
    for (JsonNode target : root.path("targets")) {
      Map<String, String> byCheck = new LinkedHashMap<>();
      for (JsonNode check : target.path("checks")) {
        chapters.putIfAbsent(check.path("id").asText(), check.path("workflow").asText());
        byCheck.put(check.path("id").asText(), check.path("outcome").asText());
      }
      outcomes.put(target.path("description").asText(), byCheck);
    }
    return new BehaviourBook(chapters, outcomes);
  }

  /**
   * Writes {@code book.json}, {@code index.md} and {@code index.html} into {@code outDir}.
   *
   * @param outDir the book's directory; created when missing
   * @throws IOException when a file cannot be written
   */
  public void write(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    ObjectNode json = MAPPER.createObjectNode();
    ArrayNode checks = json.putArray("checks");
    chapters.forEach((id, chapter) -> checks.addObject().put("id", id).put("chapter", chapter));
    ArrayNode targets = json.putArray("targets");
    outcomes.keySet().forEach(targets::add);
    MAPPER.writeValue(outDir.resolve("book.json").toFile(), json);

    StringBuilder md = new StringBuilder("# Behaviour book (stand-in)\n\n");
    chapters.keySet().forEach(id -> md.append("- [").append(id).append("](#check-").append(id).append(")\n"));
    Files.writeString(outDir.resolve("index.md"), md, StandardCharsets.UTF_8);

    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Behaviour book (stand-in)</title></head><body>\n<h1>Behaviour book (stand-in)</h1>\n<nav><ul>\n");
    chapters.keySet().forEach(id -> html.append("<li><a href=\"#check-").append(escape(id)).append("\">")
        .append(escape(id)).append("</a></li>\n"));
    html.append("</ul></nav>\n");
    List<String> names = new ArrayList<>(outcomes.keySet());
    for (String id : chapters.keySet()) {
      html.append("<section id=\"check-").append(escape(id)).append("\"><h2>").append(escape(id)).append("</h2><ul>");
      for (String target : names) {
        html.append("<li>").append(escape(target)).append(": ")
            .append(escape(outcomes.get(target).getOrDefault(id, "did not run"))).append("</li>");
      }
      html.append("</ul></section>\n");
    }
    html.append("</body></html>\n");
    Files.writeString(outDir.resolve("index.html"), html, StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
