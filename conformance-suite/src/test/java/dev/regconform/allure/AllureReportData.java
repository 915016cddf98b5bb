package dev.regconform.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a single-file Allure report holds, decoded, for tests to read as the page's scripts do: its test cases, their
 * categories, attachments, widgets and history.
 *
 * <pre>{@code
 * AllureReportData report = AllureReportData.read(reportDir.resolve("allure-report/index.html"));
 * assertThat(report.categoriesByStory().get("push.chunked.final-chunk-out-of-order")).containsExactly("Spec violation: …");
 * }</pre>
 */
public final class AllureReportData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, byte[]> files;

  private AllureReportData(Map<String, byte[]> files) {
    this.files = files;
  }

  public static AllureReportData read(Path index) throws IOException {
    return new AllureReportData(AllureHtmlReport.embedded(index));
  }

  /**
   * What a page would load from the network: every {@code src}/{@code href} with an http(s) URL, and every
   * {@code url(http…)} or {@code @import} in its embedded style sheets.
   */
  public static List<String> externalReferences(Path index) throws IOException {
    String html = Files.readString(index, StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Matcher attribute = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*[\"']?\\s*((?:https?:)?//[^\"'\\s>]+)").matcher(html);
    while (attribute.find()) {
      found.add(attribute.group(1));
    }
    Matcher styles = Pattern.compile("href=\"data:text/css;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    while (styles.find()) {
      String css = new String(Base64.getDecoder().decode(styles.group(1)), StandardCharsets.UTF_8);
      Matcher external = Pattern.compile("(?i)url\\(\\s*[\"']?\\s*((?:https?:)?//[^)\"']+)|@import[^;]*").matcher(css);
      while (external.find()) {
        found.add(external.group());
      }
    }
    return found;
  }

  /** The embedded files' paths, e.g. {@code data/categories.json}. */
  public Set<String> paths() {
    return files.keySet();
  }

  public String text(String path) {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new AssertionError("the report embeds no " + path);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public JsonNode json(String path) {
    try {
      return JSON.readTree(text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every test case, by the value of its {@code story} label (the check id); those without one are left out. */
  public Map<String, JsonNode> testCasesByStory() {
    Map<String, JsonNode> byStory = new LinkedHashMap<>();
    files.keySet().stream().filter(p -> p.startsWith("data/test-cases/")).sorted().forEach(p -> {
      JsonNode testCase = json(p);
      for (JsonNode label : testCase.path("labels")) {
        if (label.path("name").asText().equals("story")) {
          byStory.put(label.path("value").asText(), testCase);
        }
      }
    });
    return byStory;
  }

  /**
   * The categories of the Categories tab ({@code data/categories.json}) each test case is in, by its story; a test
   * case in none has an empty set.
   */
  public Map<String, Set<String>> categoriesByStory() {
    Map<String, Set<String>> byUid = new HashMap<>();
    for (JsonNode category : json("data/categories.json").path("children")) {
      collect(category, category.path("name").asText(), byUid);
    }
    Map<String, Set<String>> byStory = new LinkedHashMap<>();
    testCasesByStory().forEach((story, testCase) ->
        byStory.put(story, byUid.getOrDefault(testCase.path("uid").asText(), new TreeSet<>())));
    return byStory;
  }

  private static void collect(JsonNode node, String category, Map<String, Set<String>> byUid) {
    if (node.has("children")) {
      node.path("children").forEach(child -> collect(child, category, byUid));
    } else {
      byUid.computeIfAbsent(node.path("uid").asText(), k -> new TreeSet<>()).add(category);
    }
  }
}
