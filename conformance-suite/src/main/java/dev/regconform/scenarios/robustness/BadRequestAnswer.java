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

  private final RegistryResponse answer;
  private final RegistryClient registry;
  private final List<Trace> forbidden = new ArrayList<>();
  private final List<Sentinel> sentinels = new ArrayList<>();
  private int expectedStatus;
  private Set<ErrorCode> expectedCodes = Set.of();

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

  /** Afterwards, {@code repository} must neither resolve {@code tag} nor list it. */
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
    List<String> broken = new ArrayList<>();
    if (answer.status() < 400 || answer.status() > 499) {
      broken.add("it was not refused with a 4xx: " + (answer.status() < 300 ? "the registry accepted bad input"
          : answer.status() >= 500 ? "the registry failed on a client's mistake" : "unexpected status")
          + " (" + answer.status() + ")");
    }
    ErrorBodies.problems(answer).forEach(p -> broken.add("its error body does not have the spec's shape: " + p));
    for (Trace trace : forbidden) {
      visible(trace).ifPresent(broken::add);
    }
    for (Sentinel sentinel : sentinels) {
      broken.addAll(sentinel.harm());
    }
    if (!broken.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting it refused with"
          + " 4xx, leaving no trace and earlier content unharmed, but:%n  - %s", answer.requestLine(),
          indent(answer.describe()), broken.stream().map(BadRequestAnswer::indent).collect(Collectors.joining("\n  - "))));
    }
    List<String> codes = answer.errors().stream().map(e -> e.code()).toList();
    boolean statusMet = expectedStatus == 0 || answer.status() == expectedStatus;
    boolean codeMet = expectedCodes.isEmpty() || expectedCodes.stream().anyMatch(c -> codes.contains(c.name()));
    if (!statusMet || !codeMet) {
      throw new RecommendationNotMetError(Level.SHOULD, new AssertionError(String.format(
          "%nExpecting the bad request%n  <%s>%nto be answered%n  <%s%s>%nbut it was answered%n  <%d %s>%n"
              + "(refused and harmless all the same)%nExchange:%n  %s",
          answer.requestLine(), expectedStatus == 0 ? "4xx" : expectedStatus,
          expectedCodes.isEmpty() ? "" : " with one of " + expectedCodes, answer.status(), codes,
          indent(answer.describe()))));
    }
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
      if (RegistryClient.tagsOf(tags).orElse(List.of()).contains(trace.reference())) {
        return Optional.of("the tag list of " + trace.repository() + " holds " + trace.reference() + ":\n"
            + tags.describe());
      }
    }
    return Optional.empty();
  }

  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }
}
