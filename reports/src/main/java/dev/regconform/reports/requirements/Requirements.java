package dev.regconform.reports.requirements;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec's requirements, read from {@value #RESOURCE} (shipped with the conformance suite) and checked on
 * load: every id unique and of the form {@code R<n>}, every level made of RFC 2119 words, every subject
 * {@code registry} or {@code client}, every endpoint an {@code end-<n>} id, section and text present.
 *
 * <pre>{@code
 * Requirements requirements = Requirements.load();
 * requirements.find("R6").map(Requirement::text);
 * }</pre>
 */
public final class Requirements {
  /** Where the requirements live on the class path. */
  public static final String RESOURCE = "dev/regconform/requirements/distribution-spec.yaml";

  private static final Pattern ID = Pattern.compile("R[1-9][0-9]*");
  private static final Pattern ENDPOINT = Pattern.compile("end-[1-9][0-9]*[a-z]?");
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** The file's layout: a header and the list. */
  private record Document(@JsonProperty("spec") String spec, @JsonProperty("version") String version,
      @JsonProperty("requirements") List<Requirement> requirements) {}

  private final String spec;
  private final String version;
  private final Map<String, Requirement> byId;

  private Requirements(String spec, String version, Map<String, Requirement> byId) {
    this.spec = spec;
    this.version = version;
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Loads {@value #RESOURCE} with this class's class loader (the suite's jar must be on the class path). Reads and
   * checks the file on every call; keep the result rather than calling it per check.
   *
   * @return the requirements, immutable and safe to share between threads
   * @throws IllegalStateException when the resource is not on the class path
   * @throws IllegalArgumentException when the file breaks the rules of the class comment
   * @throws UncheckedIOException when the resource cannot be read
   */
  public static Requirements load() {
    return load(Requirements.class.getClassLoader());
  }

  /**
   * Loads {@value #RESOURCE} with the given class loader, e.g. a test's or a plugin's.
   *
   * @param loader where to look for the resource; not null
   * @return the requirements, immutable and safe to share between threads
   * @throws IllegalStateException when the resource is not on that loader's class path
   * @throws IllegalArgumentException when the file breaks the rules of the class comment
   * @throws UncheckedIOException when the resource cannot be read
   */
  public static Requirements load(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The requirements file " + RESOURCE + " is not on the class path");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads and checks a requirements file.
   *
   * @param in the YAML document ({@code spec}, {@code version}, {@code requirements}), UTF-8
   * @param source the file's name, for messages
   * @return the requirements, in the file's order
   * @throws IllegalArgumentException naming every problem found, with the requirement's id; also when {@code in} is
   *     not YAML of that shape or cannot be read
   * @throws IOException declared for stream reading, but read errors are reported as IllegalArgumentException
   */
  public static Requirements parse(InputStream in, String source) throws IOException {
    Document doc;
    try {
      doc = YAML.readValue(in, Document.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a requirements file: " + e.getMessage(), e);
    }
    if (doc == null || doc.requirements() == null || doc.requirements().isEmpty()) {
      throw new IllegalArgumentException(source + ": no requirements");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Requirement> byId = new LinkedHashMap<>();
    for (Requirement r : doc.requirements()) {
      String id = r.id() == null ? "<no id>" : r.id();
      if (!ID.matcher(id).matches()) {
        problems.add(id + ": id must be R followed by a number");
      }
      if (byId.putIfAbsent(id, r) != null) {
        problems.add(id + ": id given more than once");
      }
      if (r.section().isEmpty()) {
        problems.add(id + ": no section");
      }
      if (r.text().isEmpty()) {
        problems.add(id + ": no text");
      }
      if (r.level().isEmpty() || !r.levelWords().stream().allMatch(Requirement.LEVEL_WORDS::contains)) {
        problems.add(id + ": level '" + r.level() + "' is not made of MUST, MUST NOT, SHOULD, SHOULD NOT, MAY "
            + "(joined by ' / ')");
      }
      if (!Requirement.SUBJECTS.contains(r.subject())) {
        problems.add(id + ": subject '" + r.subject() + "' is neither registry nor client");
      }
      for (String endpoint : r.endpoints()) {
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
          problems.add(id + ": endpoint '" + endpoint + "' is not an end-<n> id");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
    }
    return new Requirements(doc.spec() == null ? "" : doc.spec(), doc.version() == null ? "" : doc.version(), byId);
  }

  /**
   * Which spec the file describes.
   *
   * @return the file's {@code spec}, e.g. {@code OCI distribution-spec}; empty when absent
   */
  public String spec() {
    return spec;
  }

  /**
   * The spec version the file describes, as the file says it.
   *
   * @return free text, e.g. {@code 1.1, HEAD spec.md; v1.1.1 differences in notes}; empty when absent
   */
  public String version() {
    return version;
  }

  /**
   * Every requirement, in the file's order.
   *
   * @return an immutable list
   */
  public List<Requirement> all() {
    return List.copyOf(byId.values());
  }

  /**
   * Every id, in the file's order.
   *
   * @return an unmodifiable view, e.g. {@code [R1, R2, …]}
   */
  public Set<String> ids() {
    return byId.keySet();
  }

  /**
   * The requirement with an id, e.g. to show its text next to a check that covers it.
   *
   * @param id e.g. {@code R6}, matched exactly
   * @return the requirement, or empty when the file has no such id
   */
  public Optional<Requirement> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Whether the file has a requirement with this id, e.g. to reject a check's {@code @Covers} that names none.
   *
   * @param id e.g. {@code R6}, matched exactly
   * @return true when {@link #find(String)} would find it
   */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }
}
