package dev.regconform.reports.book;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.reports.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BehaviourBookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NATIVE = "http://127.0.0.1:5831";
  private static final String NATIVE_NS = "regconform/run-20261127-040905-0282";
  private static final String DISABLED = "http://127.0.0.1:5832";
  private static final String DISABLED_NS = "regconform/run-20261127-040906-33b3";

  @TempDir
  Path dir;

  @Test
  void chaptersComeInTheFixedOrderAndEachCheckGoesToItsMostSpecificWorkflow() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution", NATIVE, NATIVE_NS);
    report.check("Distribution", "zz.other", "Other: something", "zzz", "passed", "");
    report.check("Distribution", "errors.unknown-tag", "Errors: an unknown tag answers 404", "errors", "passed", "");
    report.check("Distribution", "delete.blob.sha512.gone", "sha512: a sha512 blob deletes", "delete,push", "passed",
        "");
    report.check("Distribution", "formats.foreign-layer.push", "Windows: a foreign layer", "manifests", "passed", "");
    report.check("Distribution", "push.blob.monolithic", "Push: a blob uploads", "push", "passed", "");
    report.check("Distribution", "auth.token.flow", "Auth: a token is issued", "auth", "passed", "");
    report.check("Distribution", "manifests.data.x", "Data: a data set", "manifests", "passed", "");

    BehaviourBook book = BehaviourBook.read(report.write(), null);

    assertThat(book.chapters()).extracting(Chapter::key)
        .as("known chapters in the book's order, an unknown workflow after them")
        .containsExactly("auth", "push", "external-layers", "delete", "errors", "manifests", "zzz");
    assertThat(book.chapters()).extracting(Chapter::fileName)
        .containsExactly("01-auth.md", "02-push.md", "05-external-layers.md", "07-delete.md", "09-errors.md",
            "10-manifests.md", "15-zzz.md");
    assertThat(book.chapterOf("delete.blob.sha512.gone")).map(Chapter::title).as("delete wins over push")
        .hasValue("Delete");
    assertThat(book.chapterOf("formats.foreign-layer.push")).map(Chapter::title).hasValue("External layers");
    assertThat(book.chapterOf("no.such.check")).isEmpty();
  }

  @Test
  void theBehaviourIsTheChecksOwnSentenceEvenWhenTheClassNameHasAColon() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution", NATIVE, NATIVE_NS);
    report.check("Distribution", "push.blob.empty-json",
        "Blob pushes: single POST, the empty JSON blob: the empty JSON blob uploads with 201", "push", "passed", "");
    report.allure("Distribution", "push.blob.empty-json", "the empty JSON blob uploads with 201", List.of());

    Section section = BehaviourBook.read(report.write(), null).sections().get(0);

    assertThat(section.behaviour()).isEqualTo("The empty JSON blob uploads with 201");
    assertThat(section.anchor()).isEqualTo("check-push.blob.empty-json");
    assertThat(section.requirements()).extracting(CoveredRequirement::id, CoveredRequirement::level,
            CoveredRequirement::section, CoveredRequirement::text)
        .as("taken from the Allure description when no requirements file is given")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("R23", "MUST", "POST then PUT",
            "Closing the upload answers 201."));
    assertThat(section.requirements().get(0).link()).isEqualTo(BehaviourBook.SPEC + "#post-then-put");
  }

  @Test
  void runSpecificValuesArePlaceholdersAndNoSecretSurvives() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution", NATIVE, NATIVE_NS);
    report.check("Distribution", "push.blob.monolithic", "Push: a blob uploads", "push", "failed",
        "expected 201 from PUT " + NATIVE + "/v2/" + NATIVE_NS + "/a/blobs/uploads/x\nBearer abc.def.ghi was sent");
    String session = UUID.randomUUID().toString();
    String digest = "sha256:" + "ab".repeat(32);
    report.allure("Distribution", "push.blob.monolithic", "a blob uploads", List.of(
        new Step("POST", NATIVE + "/v2/" + NATIVE_NS + "/a/blobs/uploads/", "202",
            "POST " + NATIVE + "/v2/" + NATIVE_NS + "/a/blobs/uploads/\nAuthorization: Bearer x\n"
                + "Host: 127.0.0.1:5831\n\n(no body)\n",
            "HTTP 202\nDate: Fri, 27 Nov 2026 04:07:40 GMT\nDocker-Upload-Uuid: " + session + "\nLocation: " + NATIVE
                + "/v2/" + NATIVE_NS + "/a/blobs/uploads/" + session + "?_state=abcDEF\n\n(no body)\n"),
        new Step("PUT", NATIVE + "/v2/" + NATIVE_NS + "/a/blobs/uploads/" + session + "?_state=***&digest="
            + digest.replace(":", "%3A"), "201",
            "PUT x\nAuthorization: Basic dXNlcjpwYXNz\n\n{\"token\":\"s3cr3t\",\"access_token\":\"eyJhbGciOi.eyJzdWIi.sig\"}\n",
            "HTTP 201\nDocker-Content-Digest: " + digest + "\nRequest-Id: " + UUID.randomUUID() + "\n\n(no body)\n")));

    BehaviourBook book = BehaviourBook.read(report.write(), null);
    Path out = dir.resolve("book");
    BehaviourBookWriter.write(book, out);

    TargetResult result = book.sections().get(0).results().get(0);
    assertThat(result.exchanges()).extracting(Exchange::requestLine).containsExactly(
        "POST <registry>/v2/<namespace>/a/blobs/uploads/",
        "PUT <registry>/v2/<namespace>/a/blobs/uploads/<session>?_state=<state>&digest=sha256%3A<digest-1>");
    assertThat(result.exchanges().get(0).response()).contains("Docker-Upload-Uuid: <session>")
        .contains("Location: <registry>/v2/<namespace>/a/blobs/uploads/<session>?_state=<state>")
        .doesNotContain("Date:");
    assertThat(result.exchanges().get(0).request()).contains("Authorization: ***", "Host: <registry-host>");
    assertThat(result.exchanges().get(1).response()).as("the same digest gets the same number")
        .contains("Docker-Content-Digest: sha256:<digest-1>", "Request-Id: <uuid>");
    assertThat(result.message()).containsExactly("expected 201 from PUT <registry>/v2/<namespace>/a/blobs/uploads/<session>",
        "Bearer *** was sent");
    String everything = readAll(out);
    assertThat(everything).as("every file of the book")
        .doesNotContain("127.0.0.1", NATIVE_NS, "run-20261127", session, "abcDEF", "ab".repeat(32))
        .doesNotContain("Bearer x", "dXNlcjpwYXNz", "s3cr3t", "eyJhbGciOi", "Fri, 27 Nov 2026");
  }

  @Test
  void aCheckShowsAtMostEightExchangesAndBodiesOfAtMostOneKibibyte() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution", NATIVE, NATIVE_NS);
    report.check("Distribution", "tags.list.many", "Tags: many requests", "discovery", "passed", "");
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      steps.add(new Step("GET", NATIVE + "/v2/x/tags/list?n=" + i, "200", "GET /v2/x/tags/list?n=" + i + "\n\n(no body)\n",
          "HTTP 200\n\n" + "y".repeat(i == 12 ? 3000 : 10) + "\n"));
    }
    report.allure("Distribution", "tags.list.many", "many requests", steps);

    TargetResult result = BehaviourBook.read(report.write(), null).sections().get(0).results().get(0);

    assertThat(result.exchanges()).extracting(Exchange::url).as("the first two and the last six")
        .containsExactly("<registry>/v2/x/tags/list?n=1", "<registry>/v2/x/tags/list?n=2",
            "<registry>/v2/x/tags/list?n=7", "<registry>/v2/x/tags/list?n=8", "<registry>/v2/x/tags/list?n=9",
            "<registry>/v2/x/tags/list?n=10", "<registry>/v2/x/tags/list?n=11", "<registry>/v2/x/tags/list?n=12");
    assertThat(result.exchangesCut()).isEqualTo(4);
    assertThat(result.cutAt()).isEqualTo(2);
    String last = result.exchanges().get(7).response();
    assertThat(last).contains("y".repeat(BehaviourBook.MAX_BODY_CHARS))
        .doesNotContain("y".repeat(BehaviourBook.MAX_BODY_CHARS + 1))
        .contains("[… the book shows the first 1,024 of 3,000 characters of this body]");
  }

  @Test
  void targetsThatAnswerTheSameRequestDifferentlyGetOneSentenceNamingEach() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution (native)", NATIVE, NATIVE_NS);
    report.target("Distribution (deletes disabled)", DISABLED, DISABLED_NS);
    for (String[] t : new String[][] {{"Distribution (native)", NATIVE, NATIVE_NS, "warning", "400",
        "DIGEST_INVALID"}, {"Distribution (deletes disabled)", DISABLED, DISABLED_NS, "passed", "405", "UNSUPPORTED"}}) {
      report.check(t[0], "delete.by-tag.refusal", "Deleting: a refused tag DELETE answers UNSUPPORTED", "delete", t[3],
          "");
      report.allure(t[0], "delete.by-tag.refusal", "a refused tag DELETE answers UNSUPPORTED", List.of(
          new Step("PUT", t[1] + "/v2/" + t[2] + "/r/manifests/refused", "201", "PUT\n\n(no body)\n",
              "HTTP 201\n\n(no body)\n"),
          new Step("DELETE", t[1] + "/v2/" + t[2] + "/r/manifests/refused", t[4], "DELETE\n\n(no body)\n",
              "HTTP " + t[4] + "\nContent-Type: application/json\n\n{\"errors\":[{\"code\":\"" + t[5]
                  + "\",\"message\":\"no\"}]}\n")));
    }
    report.check("Distribution (native)", "only.here", "Only: runs on one target", "push", "passed", "");

    BehaviourBook book = BehaviourBook.read(report.write(), null);
    Section refusal = book.sections().stream().filter(s -> s.checkId().equals("delete.by-tag.refusal")).findFirst()
        .orElseThrow();

    assertThat(refusal.differences()).containsExactly(
        "The verdicts differ: Distribution (native) warning, Distribution (deletes disabled) passed.",
        "Distribution (native) answers `DELETE <registry>/v2/<namespace>/r/manifests/refused` with 400 DIGEST_INVALID; "
            + "Distribution (deletes disabled) with 405 UNSUPPORTED.");
    Section onlyHere = book.sections().stream().filter(s -> s.checkId().equals("only.here")).findFirst().orElseThrow();
    assertThat(onlyHere.differs()).isFalse();
    assertThat(onlyHere.result(book.targets().get(1))).isEmpty();

    Path out = dir.resolve("book");
    BehaviourBookWriter.write(book, out);
    String chapter = Files.readString(out.resolve("07-delete.md"));
    assertThat(chapter).contains("<a id=\"check-delete.by-tag.refusal\"></a>")
        .contains("| | Distribution (native) | Distribution (deletes disabled) |")
        .contains("| Verdict | **warning** | **passed** |")
        .contains("| `DELETE <registry>/v2/<namespace>/r/manifests/refused` | 400 DIGEST_INVALID | 405 UNSUPPORTED |")
        .contains("### Distribution (native): warning", "### Distribution (deletes disabled): passed");
    Element section = byId(parseHtml(out.resolve("07-delete.html")), "check-delete.by-tag.refusal");
    assertThat(section.getAttribute("class")).isEqualTo("check differs");
    assertThat(elements(section, "div").stream().filter(d -> d.getAttribute("class").equals("target")).count())
        .as("one column per target").isEqualTo(2);
  }

  @Test
  void aTokenAuthRegistrysChallengeAndTokenRequestIsNoDifferenceButItsOwnAnswerIs() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("Distribution (token auth)", NATIVE, NATIVE_NS);
    report.target("Distribution (open)", DISABLED, DISABLED_NS);
    String tokenServer = "http://127.0.0.1:36819/token?scope=repository%3A" + NATIVE_NS + "%2Fr%3Apull";
    report.check("Distribution (token auth)", "pull.by-tag", "Pull: a tag pulls", "pull", "passed", "");
    report.check("Distribution (open)", "pull.by-tag", "Pull: a tag pulls", "pull", "passed", "");
    report.allure("Distribution (token auth)", "pull.by-tag", "a tag pulls", List.of(
        new Step("GET", NATIVE + "/v2/" + NATIVE_NS + "/r/manifests/1.3", "401", "GET\n\n(no body)\n",
            "HTTP 401\nWWW-Authenticate: Bearer realm=\"http://127.0.0.1:36819/token\"\n\n(no body)\n"),
        new Step("GET", tokenServer, "200", "GET\nHost: 127.0.0.1:36819\n\n(no body)\n",
            "HTTP 200\n\n{\"token\":\"abc\"}\n"),
        new Step("GET", NATIVE + "/v2/" + NATIVE_NS + "/r/manifests/1.3", "200", "GET\n\n(no body)\n",
            "HTTP 200\n\n{}\n"),
        new Step("GET", NATIVE + "/v2/" + NATIVE_NS + "/r/tags/list", "404", "GET\n\n(no body)\n",
            "HTTP 404\n\n{}\n")));
    report.allure("Distribution (open)", "pull.by-tag", "a tag pulls", List.of(
        new Step("GET", DISABLED + "/v2/" + DISABLED_NS + "/r/manifests/1.3", "200", "GET\n\n(no body)\n",
            "HTTP 200\n\n{}\n"),
        new Step("GET", DISABLED + "/v2/" + DISABLED_NS + "/r/tags/list", "200", "GET\n\n(no body)\n",
            "HTTP 200\n\n{}\n")));

    BehaviourBook book = BehaviourBook.read(report.write(), null);
    Section pull = book.sections().stream().filter(s -> s.checkId().equals("pull.by-tag")).findFirst().orElseThrow();

    assertThat(pull.differences()).as("the 401 answered with a token, and the token request, are authentication")
        .containsExactly("Distribution (token auth) answers `GET <registry>/v2/<namespace>/r/tags/list` with 404; "
            + "Distribution (open) with 200.");
    assertThat(pull.result(book.targets().get(0)).orElseThrow().exchanges()).extracting(Exchange::requestLine)
        .as("the book still shows every exchange, the token server's address normalised")
        .contains("GET <local-server>/token?scope=repository%3A<namespace>%2Fr%3Apull")
        .noneMatch(line -> line.contains("127.0.0.1"));
    assertThat(pull.result(book.targets().get(0)).orElseThrow().exchanges()).extracting(Exchange::request)
        .anyMatch(request -> request.contains("Host: <local-server-host>"))
        .noneMatch(request -> request.contains("127.0.0.1"));
  }

  @Test
  void aRealRunOfTwoDistributionsReadsAsTheBookShouldSayIt() throws IOException, URISyntaxException {
    // Kept under another name (a directory named allure-results reads as a run's output to git hooks): copied back.
    Path kept = Path.of(getClass().getResource("two-distributions/summary.json").toURI()).getParent();
    Path run = Files.createDirectories(dir.resolve("two-distributions/allure-results")).getParent();
    Files.copy(kept.resolve("summary.json"), run.resolve("summary.json"));
    try (Stream<Path> files = Files.list(kept.resolve("allure-results-of-the-run"))) {
      for (Path f : files.toList()) {
        Files.copy(f, run.resolve("allure-results").resolve(f.getFileName().toString()));
      }
    }

    BehaviourBook book = BehaviourBook.read(run, null);
    Path out = dir.resolve("book");
    BehaviourBookWriter.write(book, out);

    assertThat(book.targets()).extracting(BookTarget::description)
        .containsExactly("Distribution (native)", "Distribution (deletes disabled)");
    Section refusal = book.sections().stream()
        .filter(s -> s.checkId().equals("delete.by-tag.refusal-says-unsupported")).findFirst().orElseThrow();
    assertThat(refusal.differences()).contains("Distribution (native) answers `DELETE <registry>/v2/<namespace>/"
        + "content-delete-refused-tag/manifests/refused` with 400 DIGEST_INVALID; Distribution (deletes disabled) with "
        + "405 UNSUPPORTED.");
    assertThat(refusal.results()).extracting(TargetResult::outcome).containsExactly(Outcome.WARNING, Outcome.PASSED);
    assertThat(refusal.results().get(0).exchanges()).as("the check's own exchanges, the DELETE among them")
        .extracting(Exchange::method).contains("DELETE");
    assertThat(readAll(out)).doesNotContain("127.0.0.1", "run-20261127").doesNotContainPattern(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void theHtmlPagesAreSelfContainedWellFormedAndLinkEachCheckFromTheContents() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("A <&> \"registry\"", NATIVE, NATIVE_NS);
    report.check("A <&> \"registry\"", "untagged.push-by-digest[oci]", "Untagged: <pushed> & \"stored\"", "untagged",
        "failed", "line \u0007 with a control character");
    report.allure("A <&> \"registry\"", "untagged.push-by-digest[oci]", "<pushed> & \"stored\"", List.of(
        new Step("PUT", NATIVE + "/v2/x/manifests/sha256:" + "cd".repeat(32), "201", "PUT\n\n<script>alert(1)</script>\n",
            "HTTP 201\n\n]]> & <!-- \n")));

    Path out = dir.resolve("book");
    BehaviourBookWriter.write(BehaviourBook.read(report.write(), null), out);
    String html = Files.readString(out.resolve("04-untagged.html"));
    Document doc = parseHtml(out.resolve("04-untagged.html"));
    Document index = parseHtml(out.resolve("index.html"));

    assertThat(html + Files.readString(out.resolve("index.html"))).as("the chapter page and the contents")
        .doesNotContain("<script", "<link", " src=", "http://127.0.0.1");
    assertThat(elements(doc.getDocumentElement(), "style")).hasSize(1);
    assertThat(elements(index.getDocumentElement(), "style")).hasSize(1);
    Element section = byId(doc, "check-untagged.push-by-digest-oci");
    assertThat(section.getTextContent()).contains("untagged.push-by-digest[oci]", "<pushed> & \"stored\"",
        "<script>alert(1)</script>", "\uFFFD");
    assertThat(elements(section, "details")).as("the exchange folds").hasSize(1);
    assertThat(elements(section, "span").stream().filter(s -> s.getAttribute("class").equals("verdict o-failed"))
        .map(Element::getTextContent).toList()).containsExactly("failed");
    assertThat(elements(index.getDocumentElement(), "a").stream().map(a -> a.getAttribute("href")))
        .as("the table of contents links the chapter's page and the section in it")
        .contains("04-untagged.html#check-untagged.push-by-digest-oci", "04-untagged.html");
    assertThat(elements(doc.getDocumentElement(), "a").stream().map(a -> a.getAttribute("href")))
        .as("the chapter's page links back to the contents").contains("index.html");
  }

  @Test
  void bookJsonListsEveryCheckOfTheSummaryWithItsChapter() throws IOException {
    ReportDir report = new ReportDir(dir);
    report.target("A", NATIVE, NATIVE_NS);
    report.target("B", DISABLED, DISABLED_NS);
    report.check("A", "pull.by-tag.manifest-bytes", "Pull: bytes", "pull", "passed", "");
    report.check("A", "referrers.list.empty", "Referrers: empty", "referrers", "unsupported", "");
    report.check("B", "referrers.list.empty", "Referrers: empty", "referrers", "passed", "");
    report.check("B", "clients.docker.push", "Docker: push", "clients", "skipped", "docker is not installed");

    Path out = dir.resolve("book");
    List<Path> written = BehaviourBookWriter.write(BehaviourBook.read(report.write(), null), out);
    JsonNode json = JSON.readTree(out.resolve("book.json").toFile());

    assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("index.md", "03-pull.md",
        "08-referrers.md", "14-clients.md", "index.html", "03-pull.html", "08-referrers.html", "14-clients.html",
        "book.json");
    Map<String, String> chapters = new java.util.TreeMap<>();
    json.path("checks").forEach(c -> chapters.put(c.path("id").asText(), c.path("chapter").asText()));
    assertThat(chapters).isEqualTo(Map.of("pull.by-tag.manifest-bytes", "pull", "referrers.list.empty", "referrers",
        "clients.docker.push", "clients"));
    assertThat(json.path("targets")).extracting(JsonNode::asText).containsExactly("A", "B");
    assertThat(Files.readString(out.resolve("index.md")))
        .contains("| 8 | [Referrers](08-referrers.md) | 1 | 1 unsupported | 1 passed | 1 |")
        .contains("- [`referrers.list.empty`](08-referrers.md#check-referrers.list.empty) Empty — **differs**");
  }

  @Test
  void aDirectoryWithoutSummaryIsRefusedInOneLine() {
    assertThatThrownBy(() -> BehaviourBook.read(dir, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary.json does not exist");
  }

  // --- helpers ---

  private static String readAll(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
  }

  private static Document parseHtml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (Exception e) {
      throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
    }
  }

  private static Element byId(Document doc, String id) {
    return elements(doc.getDocumentElement(), "*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no element with id " + id));
  }

  private static List<Element> elements(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  /** One exchange as Allure records it: a step named {@code METHOD URL -> STATUS}, two text attachments. */
  private record Step(String method, String url, String status, String request, String response) {}

  /** Writes a report directory as {@code regconform run --report-dir} does, with only what the book reads. */
  private static final class ReportDir {
    private final Path dir;
    private final ObjectNode summary = JSON.createObjectNode();
    private final Map<String, ObjectNode> targets = new java.util.LinkedHashMap<>();
    private final List<ObjectNode> results = new ArrayList<>();
    private final Map<String, String> attachments = new java.util.LinkedHashMap<>();

    ReportDir(Path dir) {
      this.dir = dir;
      summary.put("tool", "regconform").putArray("targets");
    }

    void target(String description, String url, String namespace) {
      ObjectNode t = ((ArrayNode) summary.get("targets")).addObject();
      t.put("target", url).put("description", description).put("namespace", namespace).putArray("checks");
      targets.put(description, t);
    }

    void check(String target, String id, String name, String workflow, String outcome, String message) {
      ObjectNode c = ((ArrayNode) targets.get(target).get("checks")).addObject();
      c.put("id", id).put("name", name).put("workflow", workflow).put("outcome", outcome).put("level", "MUST")
          .put("message", message).putArray("requirements").add("R23");
    }

    void allure(String target, String id, String name, List<Step> steps) {
      ObjectNode r = JSON.createObjectNode();
      r.put("uuid", UUID.randomUUID().toString()).put("name", name).put("status", "passed")
          .put("description", "Check `" + id + "` (MUST) covers:\n\n- **R23** (MUST, POST then PUT): Closing the "
              + "upload answers 201.");
      ArrayNode labels = r.putArray("labels");
      labels.addObject().put("name", "story").put("value", id);
      labels.addObject().put("name", "parentSuite").put("value", target);
      ArrayNode stepNodes = r.putArray("steps");
      for (Step s : steps) {
        ObjectNode step = stepNodes.addObject();
        step.put("name", s.method() + " " + s.url() + " -> " + s.status());
        ArrayNode atts = step.putArray("attachments");
        for (String[] a : new String[][] {{"Request", s.request()}, {"Response", s.response()}}) {
          String source = UUID.randomUUID() + "-attachment.txt";
          attachments.put(source, a[1]);
          atts.addObject().put("name", a[0]).put("source", source).put("type", "text/plain");
        }
      }
      results.add(r);
    }

    Path write() throws IOException {
      Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary), UTF_8);
      Path allure = Files.createDirectories(dir.resolve("allure-results"));
      for (ObjectNode r : results) {
        Files.writeString(allure.resolve(r.get("uuid").asText() + "-result.json"), JSON.writeValueAsString(r), UTF_8);
      }
      for (Map.Entry<String, String> a : attachments.entrySet()) {
        Files.writeString(allure.resolve(a.getKey()), a.getValue(), UTF_8);
      }
      return dir;
    }
  }
}
