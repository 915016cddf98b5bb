package dev.regconform.scenarios.robustness;

import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.management.ErrorBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict on one case of the bad-input corpus: the registry's answer to a request it must refuse, and what the
 * registry looks like afterwards.
 *
 * <p>MUST (a failure): the answer is a 4xx (a 2xx stored bad input; a 5xx is the server failing on a client's
 * mistake), a JSON error body has the spec's shape (R72), nothing the request named becomes visible (no manifest, tag
 * or blob: R87), and the {@link Sentinel} pushed beforehand still comes back unchanged (R87). SHOULD (a warning):
 * the status and error code are the ones the spec's error table gives for the mistake.
 *
 * <pre>{@code
 * RegistryResponse put = registry.putManifest(repo, "bad", OCI_MANIFEST, "{".getBytes(UTF_8));
 * BadRequestAnswer.to(put, registry)
 *     .leavesNoTag(repo, "bad")
 *     .leavesNoManifest(repo, Digest.sha256("{".getBytes(UTF_8)))
 *     .leaves(sentinel)
 *     .shouldBe(400, ErrorCode.MANIFEST_INVALID)
 *     .verify();
 * }</pre>
 */
public final class BadRequestAnswer {
  private record Trace(String kind, String repository, String reference) {}

  /** Accept for reading accepted content back: the manifest types, and whatever type it was pushed as. */
  private static final List<String> ANY_TYPE =
      java.util.stream.Stream.concat(ANY_MANIFEST.stream(), java.util.stream.Stream.of("*/*")).toList();

  private final RegistryResponse answer;
  private final RegistryClient registry;
  private final List<Trace> forbidden = new ArrayList<>();
  private final List<Sentinel> sentinels = new ArrayList<>();
  private int expectedStatus;
  private Set<ErrorCode> expectedCodes = Set.of();
  private final List<RegistryResponse> more = new ArrayList<>();
  private boolean redirectAllowed;
  private Acceptance acceptance;

  /**
   * A 2xx the spec allows: the content must then come back byte for byte from {@code repository} by each of
   * {@code references}; {@code refusal} says how strongly the spec asks for a refusal all the same (SHOULD: accepting
   * is a warning; MAY: accepting is as good as refusing).
   */
  private record Acceptance(String repository, byte[] raw, List<String> references, Level refusal) {}

  private BadRequestAnswer(RegistryResponse answer, RegistryClient registry) {
    this.answer = answer;
    this.registry = registry;
  }

  /** The answer {@code registry} gave to the bad request. */
  public static BadRequestAnswer to(RegistryResponse answer, RegistryClient registry) {
    return new BadRequestAnswer(answer, registry);
  }

  /** Afterwards, {@code repository} must not serve a manifest with this digest. */
  public BadRequestAnswer leavesNoManifest(String repository, Digest digest) {
    forbidden.add(new Trace("manifest", repository, digest.toString()));
    return this;
  }

  /**
   * Afterwards, {@code repository} must neither resolve {@code tag} nor list it. {@code tag} goes into the URL as
   * given, so it may be percent-encoded ({@code a%20b}); the tag list is searched for its decoded form.
   */
  public BadRequestAnswer leavesNoTag(String repository, String tag) {
    forbidden.add(new Trace("tag", repository, tag));
    return this;
  }

  /** Afterwards, {@code repository} must not serve a blob with this digest. */
  public BadRequestAnswer leavesNoBlob(String repository, Digest digest) {
    forbidden.add(new Trace("blob", repository, digest.toString()));
    return this;
  }

  /** Afterwards, the sentinel must still come back as it was pushed. */
  public BadRequestAnswer leaves(Sentinel sentinel) {
    sentinels.add(sentinel);
    return this;
  }

  /**
   * Another answer to the same bad input (e.g. the POST of an upload beside a manifest PUT to the same bad name):
   * checked as the first one is, and the traces and sentinels are checked once, after all of them.
   */
  public BadRequestAnswer alsoTo(RegistryResponse other) {
    more.add(other);
    return this;
  }

  /**
   * A 3xx stores nothing, so it breaks no MUST here (it still misses the {@link #shouldBe} answer): for URLs HTTP
   * itself may normalise ({@code a/../b}, {@code a//b}), where a server may redirect to the normalised path. The
   * no-trace checks still catch a registry that stored the content there.
   */
  public BadRequestAnswer orRedirected() {
    redirectAllowed = true;
    return this;
  }

  /**
   * Where the spec allows accepting the input: a 2xx is no failure provided {@code repository} then serves
   * {@code raw} byte for byte by every one of {@code references} (the no-trace checks do not apply to an accepted
   * request). {@code refusal} is {@link Level#SHOULD} when the spec still recommends refusing (accepting is a warning),
   * {@link Level#MAY} when it leaves both open.
   */
  public BadRequestAnswer orAcceptedAndServedBack(String repository, byte[] raw, Level refusal, String... references) {
    acceptance = new Acceptance(repository, raw.clone(), List.of(references), refusal);
    return this;
  }

  /**
   * The answer the spec's error table gives for this mistake: {@code status}, with one of {@code codes} in the error
   * body (none given: any code, or no body).
   */
  public BadRequestAnswer shouldBe(int status, ErrorCode... codes) {
    this.expectedStatus = status;
    this.expectedCodes = codes.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(codes));
    return this;
  }

  /**
   * Throws an {@link AssertionError} naming every MUST that is broken, else a {@link RecommendationNotMetError} when
   * the status or code is not the one {@link #shouldBe} named.
   */
  public void verify() {
    List<RegistryResponse> answers = new ArrayList<>();
    answers.add(answer);
    answers.addAll(more);
    List<String> broken = new ArrayList<>();
    boolean accepted = false;
    for (RegistryResponse a : answers) {
      int status = a.status();
      if (status >= 200 && status < 300 && acceptance != null) {
        accepted = true;
        broken.addAll(notServedBack(a));
      } else if (status >= 300 && status < 400 && redirectAllowed) {
        continue;
      } else if (status < 400 || status > 499) {
        broken.add("it was not refused with a 4xx: " + (status < 300 ? "the registry accepted bad input"
            : status >= 500 ? "the registry failed on a client's mistake" : "unexpected status")
            + " (" + status + ")" + (answers.size() > 1 ? ": " + a.requestLine() : ""));
      }
      ErrorBodies.problems(a).forEach(p -> broken.add("its error body does not have the spec's shape: " + p));
    }
    if (!accepted) {
      for (Trace trace : forbidden) {
        visible(trace).ifPresent(broken::add);
      }
    }
    for (Sentinel sentinel : sentinels) {
      broken.addAll(sentinel.harm());
    }
    if (!broken.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting it refused with"
          + " 4xx, leaving no trace and earlier content unharmed, but:%n  - %s", requestLines(answers),
          indent(describe(answers)), broken.stream().map(BadRequestAnswer::indent).collect(Collectors.joining("\n  - "))));
    }
    for (RegistryResponse a : answers) {
      boolean acceptedHere = acceptance != null && a.status() >= 200 && a.status() < 300;
      if (acceptedHere && acceptance.refusal() == Level.MAY) {
        continue;
      }
      List<String> codes = a.errors().stream().map(e -> e.code()).toList();
      boolean statusMet = expectedStatus == 0 ? a.status() >= 400 && a.status() < 500 : a.status() == expectedStatus;
      boolean codeMet = expectedCodes.isEmpty() || expectedCodes.stream().anyMatch(c -> codes.contains(c.name()));
      if (!statusMet || !codeMet) {
        throw new RecommendationNotMetError(acceptedHere ? acceptance.refusal() : Level.SHOULD,
            new AssertionError(String.format(
            "%nExpecting the bad request%n  <%s>%nto be answered%n  <%s%s>%nbut it was answered%n  <%d %s>%n"
                + "(%s)%nExchange:%n  %s",
            a.requestLine(), expectedStatus == 0 ? "4xx" : expectedStatus,
            expectedCodes.isEmpty() ? "" : " with one of " + expectedCodes, a.status(), codes,
            acceptedHere ? "accepted, and served back byte for byte: the spec allows it but recommends refusing"
                : "refused and harmless all the same",
            indent(a.describe()))));
      }
    }
  }

  /** Lines saying how the accepted content does not come back as sent; empty when it does. */
  private List<String> notServedBack(RegistryResponse accepted) {
    List<String> problems = new ArrayList<>();
    for (String reference : acceptance.references()) {
      RegistryResponse get = registry.getManifest(acceptance.repository(), reference, ANY_TYPE);
      if (get.status() != 200 || !Arrays.equals(get.body(), acceptance.raw())) {
        problems.add("it was accepted (" + accepted.status() + "), which the spec allows, but "
            + acceptance.repository() + (reference.contains(":") ? "@" : ":") + reference
            + " does not serve the " + acceptance.raw().length + " bytes sent back byte for byte:\n" + get.describe());
      }
    }
    return problems;
  }

  private static String requestLines(List<RegistryResponse> answers) {
    return answers.stream().map(RegistryResponse::requestLine).collect(Collectors.joining(">\n  <"));
  }

  private static String describe(List<RegistryResponse> answers) {
    return answers.stream().map(RegistryResponse::describe).collect(Collectors.joining("\n"));
  }

  /** A line saying how the trace shows, or empty when it does not. */
  private Optional<String> visible(Trace trace) {
    RegistryResponse head = switch (trace.kind()) {
      case "blob" -> registry.headBlob(trace.repository(), Digest.parse(trace.reference()));
      default -> registry.headManifest(trace.repository(), trace.reference(), ANY_MANIFEST);
    };
    if (head.status() >= 200 && head.status() < 300) {
      return Optional.of("the " + trace.kind() + " " + trace.repository() + (trace.kind().equals("tag") ? ":"
          : "@") + trace.reference() + " became visible:\n" + head.describe());
    }
    if (trace.kind().equals("tag")) {
      RegistryResponse tags = registry.listTags(trace.repository());
      if (RegistryClient.tagsOf(tags).orElse(List.of()).contains(percentDecoded(trace.reference()))) {
        return Optional.of("the tag list of " + trace.repository() + " holds " + trace.reference() + ":\n"
            + tags.describe());
      }
    }
    return Optional.empty();
  }

  /** A tag as it appears in a URL ({@code a%20b}) as it appears in a tag list ({@code a b}); '+' stays '+'. */
  static String percentDecoded(String reference) {
    try {
      return java.net.URLDecoder.decode(reference.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return reference;
    }
  }

  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }
}
