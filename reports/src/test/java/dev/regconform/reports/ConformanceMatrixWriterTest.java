package dev.regconform.reports;

import static dev.regconform.reports.ConformanceMatrixTest.ARTIPIE;
import static dev.regconform.reports.ConformanceMatrixTest.DISTRIBUTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three matrix files, written for two registries and read back. */
class ConformanceMatrixWriterTest {
  private static final String FAILURE_FIRST_LINE = "Expecting <200> but was <404> | body: a & b";
  private static final String FAILURE_SECOND_LINE = "second line <script>alert(1)</script>";

  @TempDir Path dir;
  private List<Path> written;

  @BeforeEach
  void write() throws Exception {
    written = ConformanceMatrixWriter.write(dir, "0.1.0-test", List.of(DISTRIBUTION, ARTIPIE));
  }

  @Test
  void writes_html_markdown_and_json_into_the_report_directory() {
    assertThat(written).containsExactly(dir.resolve("conformance-matrix.html"), dir.resolve("conformance-matrix.md"),
        dir.resolve("conformance-matrix.json"));
    assertThat(written).allMatch(Files::isRegularFile);
  }

  @Nested
  class Html {
    private String html;
    private Document doc;

    @BeforeEach
    void read() throws Exception {
      html = Files.readString(dir.resolve(ConformanceMatrixWriter.HTML));
      // The page is written as well-formed markup, so an XML parser reads it: proof that every text is escaped.
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void is_one_self_contained_page_without_script_or_external_asset() {
      for (String tag : List.of("script", "link", "img", "iframe", "object", "embed")) {
        assertThat(doc.getElementsByTagName(tag).getLength()).as("<%s> elements", tag).isZero();
      }
      assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
      for (Element e : elements("*")) {
        assertThat(e.hasAttribute("src")).as("src attribute on <%s>", e.getTagName()).isFalse();
        if (e.hasAttribute("href")) {
          assertThat(e.getAttribute("href")).as("a link on the page").startsWith("#");
        }
      }
      assertThat(html).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void every_link_points_to_an_anchor_on_the_page_and_each_check_has_one() {
      Set<String> ids = new HashSet<>();
      elements("*").forEach(e -> {
        if (e.hasAttribute("id")) {
          assertThat(ids.add(e.getAttribute("id"))).as("id %s is unique", e.getAttribute("id")).isTrue();
        }
      });
      for (Element a : elements("a")) {
        assertThat(ids).as("target of %s", a.getAttribute("href")).contains(a.getAttribute("href").substring(1));
      }
      assertThat(ids).contains("check-pull.blobs.layers-oci", "check-delete.manifest.by-digest", "workflow-pull",
          "summary", "registries", "differences");
    }

    @Test
    void the_header_names_each_registry_with_its_url_and_the_summary_table_comes_before_the_checks() {
      String registries = text(byId("registries").getNextSibling().getNextSibling());
      assertThat(registries).contains("Distribution 2.8.2", "http://127.0.0.1:5000", "Artipie | embedded",
          "http://127.0.0.1:6000", "regconform/run-5000");
      assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"workflow-delete\""));
      Element failedRow = rowStartingWith(elements("tr"), "failed");
      assertThat(cellTexts(failedRow)).containsExactly("failed", "1", "0");
      Element totalRow = rowStartingWith(elements("tr"), "total");
      assertThat(cellTexts(totalRow)).containsExactly("total", "6", "5");
    }

    @Test
    void each_cell_says_its_outcome_in_a_word_with_a_class_for_its_colour() {
      Element row = byId("check-push.blob.monolithic");
      List<Element> cells = children(row, "td");
      assertThat(cells).hasSize(4);
      assertThat(cells.get(2).getAttribute("class")).contains("o-passed");
      assertThat(text(cells.get(2))).isEqualTo("passed");
      assertThat(cells.get(3).getAttribute("class")).contains("o-unsupported");
      assertThat(cellTexts(cells.get(3))).as("a one-line message is shown whole, without <details>")
          .containsExactly("unsupported", "405 Method Not Allowed");
      assertThat(html).contains(".o-unsupported").contains(".o-failed{background:");
    }

    @Test
    void a_failure_shows_its_first_line_and_opens_the_whole_message_in_details_escaped() {
      Element failed = children(byId("check-pull.blobs.layers-oci"), "td").get(2);
      Element details = (Element) failed.getElementsByTagName("details").item(0);

      assertThat(text(details.getElementsByTagName("summary").item(0))).isEqualTo(FAILURE_FIRST_LINE + " …");
      assertThat(details.getElementsByTagName("pre").item(0).getTextContent())
          .isEqualTo(FAILURE_FIRST_LINE + "\n" + FAILURE_SECOND_LINE);
      assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("a &amp; b")
          .doesNotContain("<script>");
    }

    @Test
    void rows_that_differ_are_marked_with_a_word_and_a_class_and_listed_under_differences() {
      Element differing = byId("check-push.blob.monolithic");
      assertThat(differing.getAttribute("class")).isEqualTo("differs");
      assertThat(text(children(differing, "td").get(0))).contains("differs");
      Element same = byId("check-tags.list.order");
      assertThat(same.getAttribute("class")).isEmpty();
      assertThat(text(children(same, "td").get(0))).doesNotContain("differs");
      Element differences = (Element) byId("differences").getNextSibling().getNextSibling();
      List<List<String>> rows = new ArrayList<>();
      for (Element tr : children((Element) differences.getElementsByTagName("tbody").item(0), "tr")) {
        rows.add(cellTexts(tr));
      }
      assertThat(rows).containsExactly(List.of("delete.manifest.by-digest", "passed", "not run"),
          List.of("pull.blobs.layers[oci]", "failed", "passed"), List.of("push.blob.monolithic", "passed", "unsupported"));
      assertThat(text(byId("summary").getParentNode())).contains("3 checks differ between the registries");
    }

    @Test
    void a_check_not_run_on_a_registry_says_so_in_its_cell() {
      Element cell = children(byId("check-delete.manifest.by-digest"), "td").get(3);

      assertThat(cell.getAttribute("class")).isEqualTo("o-absent");
      assertThat(text(cell)).isEqualTo("not run");
    }

    @Test
    void the_workflow_table_totals_each_registry() {
      Element pull = rowStartingWith(elements("tr"), "pull");
      assertThat(cellTexts(pull)).containsExactly("pull", "2", "1 passed, 1 failed", "2 passed");
    }

    private List<Element> elements(String tag) {
      NodeList nodes = doc.getElementsByTagName(tag);
      List<Element> list = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        list.add((Element) nodes.item(i));
      }
      return list;
    }

    private Element byId(String id) {
      return elements("*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
          .orElseThrow(() -> new AssertionError("no element with id " + id + " in:\n" + html));
    }
  }

  @Nested
  class Markdown {
    private List<String> lines;

    @BeforeEach
    void read() throws Exception {
      lines = Files.readAllLines(dir.resolve(ConformanceMatrixWriter.MARKDOWN));
    }

    @Test
    void every_table_row_has_as_many_cells_as_its_header_even_with_pipes_and_newlines_in_messages() {
      int columns = -1;
      for (String line : lines) {
        if (!line.startsWith("|")) {
          columns = -1;
          continue;
        }
        int cells = cells(line).size();
        if (columns == -1) {
          columns = cells;
        }
        assertThat(cells).as("cells of %s", line).isEqualTo(columns);
      }
    }

    @Test
    void a_failure_shows_only_its_first_line_with_markup_escaped() {
      String row = lines.stream().filter(l -> l.startsWith("| `pull.blobs.layers[oci]` **differs**")).findFirst()
          .orElseThrow();
      assertThat(cells(row)).containsExactly("`pull.blobs.layers[oci]` **differs**", "MUST",
          "failed: Expecting &lt;200&gt; but was &lt;404&gt; \\| body: a &amp; b …", "passed");
      assertThat(String.join("\n", lines)).doesNotContain("second line").doesNotContain("<script>");
    }

    @Test
    void has_registries_summary_workflow_totals_differences_then_one_table_per_workflow() {
      List<String> headings = lines.stream().filter(l -> l.startsWith("#")).toList();
      assertThat(headings).containsExactly("# Registry conformance matrix", "## Registries", "## Summary",
          "## By workflow", "## Checks that differ between the registries (3)", "## Workflow `delete` (1 check)",
          "## Workflow `discovery` (1 check)", "## Workflow `pull` (2 checks)", "## Workflow `push` (1 check)",
          "## Workflow `(no workflow)` (1 check)");
      assertThat(lines).contains("| 1 | Distribution 2.8.2 | `http://127.0.0.1:5000` | `regconform/run-5000` |",
          "| 2 | Artipie \\| embedded | `http://127.0.0.1:6000` | `regconform/run-6000` |",
          "| failed | 1 | 0 |", "| **total** | **6** | **5** |",
          "| `delete.manifest.by-digest` **differs** | MUST | passed | *not run* |",
          "| `tags.list.order` | MUST | warning: not sorted | warning: not sorted |",
          "| `push.blob.monolithic` | passed | unsupported |");
    }

    /** The cells of a table row: split on pipes that are not escaped. */
    private List<String> cells(String row) {
      String inner = row.substring(1, row.length() - 1);
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length()) {
          cell.append(c).append(inner.charAt(++i));
        } else if (c == '|') {
          cells.add(cell.toString().strip());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString().strip());
      return cells;
    }
  }

  @Nested
  class Json {
    private JsonNode root;

    @BeforeEach
    void read() throws Exception {
      root = new ObjectMapper().readTree(dir.resolve(ConformanceMatrixWriter.JSON).toFile());
    }

    @Test
    void names_the_registries_with_their_totals() {
      assertThat(root.at("/tool").asText()).isEqualTo("regconform");
      assertThat(root.at("/version").asText()).isEqualTo("0.1.0-test");
      assertThat(root.at("/checks").asInt()).isEqualTo(6);
      assertThat(root.at("/differing").asInt()).isEqualTo(3);
      assertThat(root.at("/registries/1/description").asText()).isEqualTo("Artipie | embedded");
      assertThat(root.at("/registries/1/target").asText()).isEqualTo("http://127.0.0.1:6000");
      assertThat(root.at("/registries/0/namespace").asText()).isEqualTo("regconform/run-5000");
      assertThat(root.at("/registries/0/counts/by_failed").asInt()).isEqualTo(1);
      assertThat(root.at("/registries/1/counts/by_unsupported").asInt()).isEqualTo(1);
      assertThat(root.at("/registries/1/counts/total").asInt()).isEqualTo(5);
    }

    @Test
    void holds_every_check_per_workflow_with_a_result_per_registry_and_null_where_it_did_not_run() {
      List<String> workflows = new ArrayList<>();
      root.at("/workflows").forEach(w -> workflows.add(w.path("workflow").asText()));
      assertThat(workflows).containsExactly("delete", "discovery", "pull", "push", "(no workflow)");

      JsonNode delete = root.at("/workflows/0/checks/0");
      assertThat(delete.path("id").asText()).isEqualTo("delete.manifest.by-digest");
      assertThat(delete.path("differs").asBoolean()).isTrue();
      assertThat(delete.at("/results/0/outcome").asText()).isEqualTo("passed");
      assertThat(delete.at("/results/1").isNull()).as("result on Artipie: %s", delete.at("/results/1")).isTrue();

      JsonNode layers = root.at("/workflows/2/checks/0");
      assertThat(layers.path("id").asText()).isEqualTo("pull.blobs.layers[oci]");
      assertThat(layers.path("level").asText()).isEqualTo("MUST");
      assertThat(layers.at("/results/0/message").asText()).isEqualTo(FAILURE_FIRST_LINE + "\n" + FAILURE_SECOND_LINE);
      assertThat(layers.at("/results/0/durationMillis").asLong()).isEqualTo(7);
      assertThat(root.at("/workflows/2/counts/1/by_passed").asInt()).isEqualTo(2);
    }
  }

  @Test
  void a_run_with_one_registry_gets_the_matrix_too_without_a_differences_section() throws Exception {
    ConformanceMatrixWriter.write(dir, "0.1.0-test", List.of(DISTRIBUTION));

    String md = Files.readString(dir.resolve(ConformanceMatrixWriter.MARKDOWN));
    String html = Files.readString(dir.resolve(ConformanceMatrixWriter.HTML));
    assertThat(md).contains("1 registry").doesNotContain("differ between").doesNotContain("**differs**");
    assertThat(html).doesNotContain("id=\"differences\"").doesNotContain("class=\"differs\"");
    assertThat(new ObjectMapper().readTree(dir.resolve(ConformanceMatrixWriter.JSON).toFile()).at("/differing").asInt())
        .isZero();
  }

  @Test
  void short_messages_are_the_first_line_cut_with_an_ellipsis() {
    assertThat(ConformanceMatrixWriter.shortMessage("one line")).isEqualTo("one line");
    assertThat(ConformanceMatrixWriter.shortMessage("first\nsecond")).isEqualTo("first …");
    assertThat(ConformanceMatrixWriter.shortMessage("x".repeat(200)))
        .isEqualTo("x".repeat(ConformanceMatrixWriter.SHORT_MESSAGE) + " …");
  }

  @Test
  void markdown_text_escapes_markup_and_html_escapes_every_special_character() {
    assertThat(ConformanceMatrixMarkdown.mdText("a|b\nc <d> & *e* _f_ `g` [h]"))
        .isEqualTo("a\\|b c &lt;d&gt; &amp; \\*e\\* \\_f\\_ \\`g\\` \\[h\\]");
    assertThat(ConformanceMatrixMarkdown.mdCode("x|y")).isEqualTo("`x\\|y`");
    assertThat(ConformanceMatrixHtml.esc("<a href='x'>\"&\u0007")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;\uFFFD");
  }

  private static String text(org.w3c.dom.Node node) {
    return node.getTextContent().strip();
  }

  private static List<String> cellTexts(Element row) {
    List<String> texts = new ArrayList<>();
    for (org.w3c.dom.Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        texts.add(text(n));
      }
    }
    return texts;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> list = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        list.add(e);
      }
    }
    return list;
  }

  private static Element rowStartingWith(List<Element> rows, String first) {
    return rows.stream().filter(r -> {
      org.w3c.dom.Node cell = r.getFirstChild();
      return cell != null && cell.getTextContent().strip().equals(first);
    }).findFirst().orElseThrow(() -> new AssertionError("no row starting with " + first));
  }
}
