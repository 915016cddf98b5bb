package dev.regconform.reports.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.requirements.Requirement;
import dev.regconform.reports.requirements.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The behaviour book of a run: chapters by workflow (in a fixed order: authenticate with a token; push; pull by
 * name, tag, latest and digest; untagged manifests; external layers; tags and catalog; delete; referrers; errors;
 * then manifests and image formats, retag, bad input, concurrency, real clients, and any other workflow), a section
 * per check, and in each section what every target did with the check's own HTTP exchanges, normalised so that the
 * book of two runs against the same registries reads the same (see {@link Exchange}).
 *
 * <p>It is read from a report directory as {@code regconform run --report-dir DIR} writes it: {@code summary.json}
 * (targets, checks, outcomes, messages) and {@code allure-results/} (each check's exchanges, as steps named
 * {@code METHOD URL -> STATUS} with {@code Request} and {@code Response} attachments). Without {@code allure-results}
 * the book still has every check and verdict, without exchanges. {@link BehaviourBookWriter} writes it.
 *
 * <pre>{@code
 * BehaviourBook book = BehaviourBook.read(Path.of("regconform-report"));
 * book.chapters().forEach(c -> System.out.println(c.title() + ": " + c.sections().size() + " checks"));
 * }</pre>
 */
public final class BehaviourBook {
  /**
   * How many exchanges of one check on one target the book shows at most: the first {@value #HEAD_EXCHANGES} and the
   * last ones; it says how many it left out between them.
   */
  public static final int MAX_EXCHANGES = 8;
  /** How many of the first exchanges of a check the book shows when it cannot show all. */
  public static final int HEAD_EXCHANGES = 2;
  /** How many characters of a request or response body the book shows; it says when it cut one. */
  public static final int MAX_BODY_CHARS = 1024;
  /** How many lines of a check's message the book shows; it says how many more there were. */
  public static final int MAX_MESSAGE_LINES = 12;
  /** How many differing exchanges a section names in a sentence each; it says how many more differ. */
  static final int MAX_DIFFERENCES = 3;
  /** The spec document, for a requirement whose link the run did not record. */
  static final String SPEC = "https://github.com/opencontainers/distribution-spec/blob/main/spec.md";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STEP = Pattern.compile("^([A-Z]+) (\\S+) -> (.+)$");
  private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z_]+)\"");
  private static final Pattern DESCRIBED = Pattern.compile(
      "(?m)^- \\*\\*(R[0-9]+)\\*\\* \\(([^,]*), ([^)]*)\\): (.*)$");

  private final List<BookTarget> targets;
  private final List<Chapter> chapters;

  private BehaviourBook(List<BookTarget> targets, List<Chapter> chapters) {
    this.targets = List.copyOf(targets);
    this.chapters = List.copyOf(chapters);
  }

  /**
   * Reads the book of a run, with the requirements' texts from {@link Requirements#load()} when the suite's file is on
   * the class path, else from what each check's Allure description says.
   *
   * @param reportDir what {@code regconform run --report-dir DIR} wrote: {@code summary.json}, and
   *     {@code allure-results/} for the exchanges
   * @return the book
   * @throws IOException when {@code summary.json} cannot be read
   * @throws IllegalArgumentException in one line, when {@code summary.json} is missing or is not a run summary
   */
  public static BehaviourBook read(Path reportDir) throws IOException {
    Requirements requirements;
    try {
      requirements = Requirements.load();
    } catch (IllegalStateException notOnClassPath) {
      requirements = null;
    }
    return read(reportDir, requirements);
  }

  /**
   * Reads the book of a run with the given requirements.
   *
   * @param reportDir as for {@link #read(Path)}
   * @param requirements where a covered requirement's level, section and text come from; null to take them from
   *     the checks' Allure descriptions
   * @return the book
   * @throws IOException when {@code summary.json} cannot be read
   * @throws IllegalArgumentException in one line, when {@code summary.json} is missing or is not a run summary
   */
  public static BehaviourBook read(Path reportDir, Requirements requirements) throws IOException {
    Path summary = reportDir.resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      throw new IllegalArgumentException(summary + " does not exist: give the directory a run wrote with "
          + "--report-dir");
    }
    JsonNode root;
    try {
      root = JSON.readTree(summary.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(summary + " is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("targets").isArray()) {
      throw new IllegalArgumentException(summary + " has no 'targets': not a regconform summary");
    }
    Path allureDir = reportDir.resolve("allure-results");
    Map<String, JsonNode> allure = allureResults(allureDir);

    List<BookTarget> targets = new ArrayList<>();
    /* check id -> its facts (from the first target that ran it) and its result per target */
    Map<String, CheckFacts> checks = new TreeMap<>();
    Map<String, Map<BookTarget, List<Exchange>>> allExchanges = new HashMap<>();
    for (JsonNode t : root.path("targets")) {
      BookTarget target = new BookTarget(text(t, "description"), text(t, "target"), text(t, "namespace"));
      targets.add(target);
      for (JsonNode c : t.path("checks")) {
        String id = text(c, "id");
        JsonNode result = allure.get(target.description() + "\n" + id);
        CheckFacts facts = checks.computeIfAbsent(id, i -> new CheckFacts(i, behaviour(text(c, "name"), result),
            text(c, "level"), text(c, "workflow"), covered(c.path("requirements"), result, requirements)));
        Normaliser normaliser = new Normaliser(target.url(), target.namespace());
        List<Exchange> exchanges = result == null ? List.of() : exchanges(result, allureDir, normaliser);
        allExchanges.computeIfAbsent(id, i -> new LinkedHashMap<>()).put(target, exchanges);
        List<String> message = text(c, "message").isBlank() ? List.of()
            : List.of(normaliser.text(text(c, "message").strip()).split("\n", -1));
        facts.results.add(TargetResult.of(target, outcome(c), message, exchanges));
      }
    }

    Map<String, List<Section>> byChapter = new LinkedHashMap<>();
    for (CheckFacts f : checks.values()) {
      f.results.sort(Comparator.comparingInt(r -> targets.indexOf(r.target())));
      Section section = new Section(f.id, f.behaviour, f.level, f.workflow, f.requirements, f.results,
          differences(f.results, allExchanges.get(f.id)));
      byChapter.computeIfAbsent(Chapters.keyOf(f.id, f.workflow), k -> new ArrayList<>()).add(section);
    }
    List<Chapter> chapters = new ArrayList<>();
    // A known chapter keeps its number whichever checks ran, so that links into the book stay valid.
    for (int i = 0; i < Chapters.KNOWN.size(); i++) {
      Chapters.Known known = Chapters.KNOWN.get(i);
      List<Section> sections = byChapter.remove(known.key());
      if (sections != null) {
        chapters.add(new Chapter(i + 1, known.key(), known.title(), known.summary(), sections));
      }
    }
    int next = Chapters.KNOWN.size();
    for (Map.Entry<String, List<Section>> other : new TreeMap<>(byChapter).entrySet()) {
      String title = other.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + other.getKey().substring(1);
      chapters.add(new Chapter(++next, other.getKey(), title,
          "The checks of workflow " + other.getKey() + ".", other.getValue()));
    }
    return new BehaviourBook(targets, chapters);
  }

  /**
   * The targets of the run, in the order of its {@code summary.json}.
   *
   * @return an immutable list
   */
  public List<BookTarget> targets() {
    return targets;
  }

  /**
   * The chapters that have checks, in the book's order.
   *
   * @return an immutable list
   */
  public List<Chapter> chapters() {
    return chapters;
  }

  /**
   * Every section, chapter after chapter.
   *
   * @return an immutable list
   */
  public List<Section> sections() {
    return chapters.stream().flatMap(c -> c.sections().stream()).toList();
  }

  /**
   * The chapter a check is in.
   *
   * @param checkId e.g. {@code delete.tag.only-that-tag}
   * @return empty when the book has no such check
   */
  public Optional<Chapter> chapterOf(String checkId) {
    return chapters.stream().filter(c -> c.sections().stream().anyMatch(s -> s.checkId().equals(checkId)))
        .findFirst();
  }

  /** What a section needs from the first target that ran the check, and the results gathered over targets. */
  private static final class CheckFacts {
    final String id;
    final String behaviour;
    final String level;
    final String workflow;
    final List<CoveredRequirement> requirements;
    final List<TargetResult> results = new ArrayList<>();

    CheckFacts(String id, String behaviour, String level, String workflow, List<CoveredRequirement> requirements) {
      this.id = id;
      this.behaviour = behaviour;
      this.level = level;
      this.workflow = workflow;
      this.requirements = requirements;
    }
  }

  /** Every {@code *-result.json} by {@code parentSuite} (the target's description), a newline and {@code story}. */
  private static Map<String, JsonNode> allureResults(Path dir) throws IOException {
    Map<String, JsonNode> results = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return results;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*-result.json")) {
      for (Path file : files) {
        JsonNode result;
        try {
          result = JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
          continue; // a result Allure did not finish writing: the check keeps its verdict, without exchanges
        }
        String story = label(result, "story");
        String suite = label(result, "parentSuite");
        if (story.isEmpty()) {
          continue;
        }
        results.merge(suite + "\n" + story, result,
            (a, b) -> a.path("stop").asLong() >= b.path("stop").asLong() ? a : b);
      }
    }
    return results;
  }

  private static String label(JsonNode result, String name) {
    for (JsonNode l : result.path("labels")) {
      if (name.equals(l.path("name").asText())) {
        return l.path("value").asText();
      }
    }
    return "";
  }

  /**
   * The check's sentence: the Allure name (its method's display name) when the summary's name ends with it; else
   * what follows the summary name's last {@code ": "} (a class's display name may hold one, no check's sentence does).
   */
  static String behaviour(String name, JsonNode result) {
    String own = result == null ? "" : result.path("name").asText("");
    if (!own.isEmpty() && (name.equals(own) || name.endsWith(": " + own))) {
      return capitalised(own);
    }
    int colon = name.lastIndexOf(": ");
    return capitalised(colon < 0 ? name : name.substring(colon + 2));
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static List<CoveredRequirement> covered(JsonNode ids, JsonNode result, Requirements requirements) {
    Map<String, String> links = new HashMap<>();
    Map<String, String[]> described = new HashMap<>();
    if (result != null) {
      for (JsonNode link : result.path("links")) {
        String name = link.path("name").asText("");
        int space = name.indexOf(' ');
        links.putIfAbsent(space < 0 ? name : name.substring(0, space), link.path("url").asText(""));
      }
      Matcher m = DESCRIBED.matcher(result.path("description").asText(""));
      while (m.find()) {
        described.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
      }
    }
    List<CoveredRequirement> covered = new ArrayList<>();
    for (JsonNode idNode : ids) {
      String id = idNode.asText();
      Optional<Requirement> known = requirements == null ? Optional.empty() : requirements.find(id);
      String[] fromAllure = described.getOrDefault(id, new String[] {"", "", ""});
      String level = known.map(Requirement::levelLabel).orElse(fromAllure[0]);
      String section = known.map(Requirement::section).orElse(fromAllure[1]);
      String text = known.map(Requirement::text).orElse(fromAllure[2]);
      String link = links.getOrDefault(id, section.isEmpty() ? SPEC : SPEC + "#" + slug(section));
      covered.add(new CoveredRequirement(id, level, section, Normaliser.mask(text), link));
    }
    return covered;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  private static Outcome outcome(JsonNode check) {
    try {
      return Outcome.parse(text(check, "outcome"));
    } catch (IllegalArgumentException unknown) {
      return Outcome.BROKEN;
    }
  }

  /** The result's exchanges, depth first, in the order made: every step with a Request and a Response. */
  private static List<Exchange> exchanges(JsonNode result, Path dir, Normaliser normaliser) {
    List<Exchange> found = new ArrayList<>();
    collect(result.path("steps"), dir, normaliser, found);
    return found;
  }

  private static void collect(JsonNode steps, Path dir, Normaliser normaliser, List<Exchange> found) {
    for (JsonNode step : steps) {
      Matcher m = STEP.matcher(step.path("name").asText(""));
      String request = attachment(step, "Request", dir);
      String response = attachment(step, "Response", dir);
      if (m.matches() && (request != null || response != null)) {
        String shownResponse = normaliser.message(response == null ? "" : response, MAX_BODY_CHARS);
        Matcher code = ERROR_CODE.matcher(response == null ? "" : response);
        found.add(new Exchange(m.group(1), normaliser.text(m.group(2)), m.group(3).strip(),
            code.find() ? code.group(1) : "", normaliser.message(request == null ? "" : request, MAX_BODY_CHARS),
            shownResponse));
      }
      collect(step.path("steps"), dir, normaliser, found);
    }
  }

  private static String attachment(JsonNode step, String name, Path dir) {
    for (JsonNode a : step.path("attachments")) {
      if (name.equals(a.path("name").asText())) {
        String source = a.path("source").asText("");
        Path file = dir.resolve(source).normalize();
        if (source.isEmpty() || !file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
          return null;
        }
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * How the targets differ on one check: the verdict, then each request made on several targets (the n-th time the
   * same method and normalised URL) whose answer (status and error code) is not the same everywhere.
   */
  static List<String> differences(List<TargetResult> results, Map<BookTarget, List<Exchange>> exchanges) {
    List<String> sentences = new ArrayList<>();
    if (results.size() < 2) {
      return sentences;
    }
    if (results.stream().map(TargetResult::outcome).distinct().count() > 1) {
      List<String> parts = results.stream().map(r -> r.target().description() + " " + r.outcome().label()).toList();
      sentences.add("The verdicts differ: " + String.join(", ", parts) + ".");
    }
    /* "METHOD URL#n" -> target -> answer, in the order first met */
    Map<String, Map<BookTarget, String>> answers = new LinkedHashMap<>();
    for (TargetResult r : results) {
      Map<String, Integer> seen = new HashMap<>();
      for (Exchange e : withoutAuthentication(exchanges.getOrDefault(r.target(), List.of()))) {
        int n = seen.merge(e.requestLine(), 1, Integer::sum);
        answers.computeIfAbsent(e.requestLine() + "#" + n, k -> new LinkedHashMap<>()).put(r.target(), e.answer());
      }
    }
    int differing = 0;
    for (Map.Entry<String, Map<BookTarget, String>> a : answers.entrySet()) {
      Map<BookTarget, String> byTarget = a.getValue();
      if (byTarget.size() < 2 || byTarget.values().stream().distinct().count() < 2) {
        continue;
      }
      if (++differing > MAX_DIFFERENCES) {
        continue;
      }
      String request = a.getKey().substring(0, a.getKey().lastIndexOf('#'));
      StringBuilder s = new StringBuilder();
      for (Map.Entry<BookTarget, String> t : byTarget.entrySet()) {
        s.append(s.length() == 0 ? t.getKey().description() + " answers `" + request + "` with " + t.getValue()
            : "; " + t.getKey().description() + " with " + t.getValue());
      }
      sentences.add(s.append('.').toString());
    }
    if (differing > MAX_DIFFERENCES) {
      int more = differing - MAX_DIFFERENCES;
      sentences.add(more + (more == 1 ? " more request is" : " more requests are") + " answered differently.");
    }
    return sentences;
  }

  /**
   * The exchanges that are about the check, without a token-auth registry's authentication: the requests to another
   * server (the token realm), and a 401 the client answered by fetching a token and sending the same request again.
   * The book shows them all; only the differences leave them out, or every check of a token-auth registry would
   * "differ" from an open one.
   */
  static List<Exchange> withoutAuthentication(List<Exchange> exchanges) {
    List<Exchange> kept = new ArrayList<>();
    for (int i = 0; i < exchanges.size(); i++) {
      Exchange e = exchanges.get(i);
      if (!e.url().startsWith("<registry>")) {
        continue;
      }
      if (e.status().startsWith("401") && retriedAfterToken(exchanges, i)) {
        continue;
      }
      kept.add(e);
    }
    return kept;
  }

  /** Whether the request of exchange {@code i} is sent again right after requests to other servers only. */
  private static boolean retriedAfterToken(List<Exchange> exchanges, int i) {
    boolean token = false;
    for (int j = i + 1; j < exchanges.size(); j++) {
      Exchange next = exchanges.get(j);
      if (!next.url().startsWith("<registry>")) {
        token = true;
      } else {
        return token && next.requestLine().equals(exchanges.get(i).requestLine());
      }
    }
    return false;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
