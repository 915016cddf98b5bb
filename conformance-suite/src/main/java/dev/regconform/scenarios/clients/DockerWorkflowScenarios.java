package dev.regconform.scenarios.clients;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.clients.ClientChecks.assertRefused;
import static dev.regconform.scenarios.clients.ClientChecks.assertSucceeded;
import static dev.regconform.scenarios.clients.ClientChecks.requireStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.clients.ClientAvailability;
import dev.regconform.clients.ClientHome;
import dev.regconform.clients.ClientRun;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.ScenarioSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The docker CLI workflow users follow with a hosted registry (login, tag, push, inspect, rmi, pull by digest, by the
 * default tag and by tag, logout), one step per check in that order, each confirmed on the registry side with the
 * toolkit's own requests. The image is built locally FROM scratch; the docker client runs with a private
 * {@code DOCKER_CONFIG}; everything created in the engine is removed afterwards.
 */
@Tag("clients")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@LongRunning
public class DockerWorkflowScenarios extends ScenarioSupport {
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Duration TRANSFER = Duration.ofMinutes(3);
  private static final String TAG = "1.3";
  private static final Pattern PUSHED = Pattern.compile(Pattern.quote(TAG) + ": digest: (sha256:[0-9a-f]{64}) size: (\\d+)");

  private ClientHome home;
  private String host;
  private String image;
  private String built;
  private String imageId;
  private Digest pushed;
  private boolean pushDone;
  /** A failed pull is retried by the engine for about a minute: later pulls are skipped rather than failed again. */
  private boolean pullDone;
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  void buildImage() {
    Optional<String> unavailable = ClientAvailability.dockerUnavailable()
        .or(() -> ClientAvailability.registryUnsuitable(scenario.target().url()));
    if (unavailable.isPresent()) {
      return;
    }
    home = ClientHome.create();
    Credentials credentials = scenario.target().credentials();
    if (credentials != null) {
      home.secret(credentials.password());
    }
    host = ClientAvailability.hostPort(scenario.target().url());
    image = host + "/" + repo;
    built = "regconform-local/docker-workflow:" + UUID.randomUUID().toString().substring(0, 8);
    imageId = ClientChecks.buildFromScratch(home, built);
    created.add(built);
  }

  @AfterAll
  void removeImages() {
    if (home == null) {
      return;
    }
    try {
      if (imageId != null && !imageId.isBlank()) {
        docker(QUICK, "rmi", "-f", imageId);
      }
      created.forEach(ref -> docker(QUICK, "rmi", "-f", ref));
    } finally {
      home.close();
    }
  }

  @Test
  @Order(1)
  @CheckId("clients.docker.login")
  @Covers({"R81"})
  void docker_login_refuses_a_wrong_password_and_accepts_the_right_one() {
    requireDocker();
    Credentials credentials = scenario.target().credentials();
    if (credentials == null) {
      throw new NotConfiguredException("No credentials are configured (--username/--password, OCI_USERNAME/"
          + "OCI_PASSWORD), so there is no login to check");
    }
    String wrong = credentials.password() + "-wrong";
    home.secret(wrong);
    assertRefused(home.run(QUICK, wrong + "\n", List.of("docker", "login", host, "-u", credentials.username(),
        "--password-stdin")), "docker login with a wrong password must fail");
    assertSucceeded(home.run(QUICK, credentials.password() + "\n", List.of("docker", "login", host, "-u",
        credentials.username(), "--password-stdin")), "docker login with the configured credentials must succeed");
    assertThat(home.dockerConfig().resolve("config.json")).as("the private DOCKER_CONFIG after login")
        .content().contains("\"" + host + "\"");
  }

  @Test
  @Order(2)
  @CheckId("clients.docker.push")
  @Covers({"R41", "R42", "R13", "R14", "R48"})
  void docker_push_prints_the_digest_the_registry_serves_and_the_tag_is_listed() {
    requireDocker();
    for (String tag : List.of(TAG, "latest")) {
      assertSucceeded(docker(QUICK, "tag", built, image + ":" + tag), "docker tag");
      created.add(image + ":" + tag);
    }
    ClientRun push = assertSucceeded(docker(TRANSFER, "push", image + ":" + TAG), "docker push of " + image + ":" + TAG);
    Matcher printed = PUSHED.matcher(push.output());
    assertThat(printed.find()).as("docker push prints \"%s: digest: sha256:… size: N\":%n%s", TAG, push.describe())
        .isTrue();
    pushed = Digest.parse(printed.group(1));
    long size = Long.parseLong(printed.group(2));
    ClientChecks.recordForCleanup(scenario, repo, pushed);
    assertThat(registry.headManifest(repo, TAG, Accept.ANY_MANIFEST)).hasStatus(200).hasContentDigest(pushed);
    assertThat(registry.getManifest(repo, pushed.toString(), Accept.ANY_MANIFEST)).hasStatus(200)
        .hasContentDigest(pushed).hasBodyMatching(pushed, size);
    assertSucceeded(docker(TRANSFER, "push", image + ":latest"), "docker push of " + image + ":latest");
    assertThat(registry.headManifest(repo, "latest", Accept.ANY_MANIFEST)).hasStatus(200).hasContentDigest(pushed);
    var tags = registry.listTags(repo);
    assertThat(RegistryClient.tagsOf(tags)).as("tags of %s after docker push:%n%s", repo, tags.describe())
        .hasValueSatisfying(list -> assertThat(list).contains(TAG, "latest"));
    pushDone = true;
  }

  @Test
  @Order(3)
  @CheckId("clients.docker.repo-digests")
  @Covers({"R42"})
  void docker_inspect_shows_the_pushed_digest_in_RepoDigests() {
    requireDocker();
    requireStep(pushDone, "docker push");
    ClientRun inspect = assertSucceeded(docker(QUICK, "inspect", "--format", "{{json .RepoDigests}}",
        image + ":" + TAG), "docker inspect");
    assertThat(inspect.output()).as("RepoDigests of %s:%s%n%s", image, TAG, inspect.describe())
        .contains(image + "@" + pushed);
  }

  @Test
  @Order(4)
  @CheckId("clients.docker.pull-by-digest")
  @Covers({"R6", "R7", "R9", "R10"})
  void after_docker_rmi_the_image_pulls_by_digest_and_lists_with_tag_none() {
    requireDocker();
    requireStep(pushDone, "docker push");
    removeLocal(image + ":" + TAG, image + ":latest", built);
    String byDigest = image + "@" + pushed;
    created.add(byDigest);
    ClientRun pull = assertSucceeded(docker(TRANSFER, "pull", byDigest), "docker pull " + byDigest);
    assertThat(pull.output()).as("docker pull by digest%n%s", pull.describe()).contains(pushed.toString());
    assertSameImage(byDigest);
    ClientRun images = assertSucceeded(docker(QUICK, "images", "--digests", "--format",
        "{{.Repository}} {{.Tag}} {{.Digest}}", image), "docker images --digests");
    assertThat(images.output().lines()).as("docker images after a pull by digest%n%s", images.describe())
        .contains(image + " <none> " + pushed);
    pullDone = true;
  }

  @Test
  @Order(5)
  @CheckId("clients.docker.pull-default-tag")
  @Covers({"R6", "R7", "R9", "R10"})
  void docker_pull_without_a_tag_pulls_latest() {
    requireDocker();
    requireStep(pushDone, "docker push");
    requireStep(pullDone, "docker pull by digest");
    removeLocal(image + "@" + pushed);
    ClientRun pull = assertSucceeded(docker(TRANSFER, "pull", image), "docker pull " + image);
    assertThat(pull.output()).as("docker pull without a tag%n%s", pull.describe())
        .contains("Using default tag: latest").contains(pushed.toString());
    assertSameImage(image + ":latest");
  }

  @Test
  @Order(6)
  @CheckId("clients.docker.pull-by-tag")
  @Covers({"R6", "R7", "R9", "R10"})
  void docker_pull_by_tag_gets_the_pushed_image() {
    requireDocker();
    requireStep(pushDone, "docker push");
    requireStep(pullDone, "docker pull by digest");
    removeLocal(image + ":latest");
    ClientRun pull = assertSucceeded(docker(TRANSFER, "pull", image + ":" + TAG), "docker pull " + image + ":" + TAG);
    assertThat(pull.output()).as("docker pull by tag%n%s", pull.describe()).contains(pushed.toString());
    assertSameImage(image + ":" + TAG);
  }

  @Test
  @Order(7)
  @CheckId("clients.docker.pull-latest")
  @Covers({"R6", "R7", "R9", "R10"})
  void docker_pull_of_the_latest_tag_gets_the_pushed_image() {
    requireDocker();
    requireStep(pushDone, "docker push");
    requireStep(pullDone, "docker pull by digest");
    removeLocal(image + ":" + TAG, image + ":latest");
    ClientRun pull = assertSucceeded(docker(TRANSFER, "pull", image + ":latest"), "docker pull " + image + ":latest");
    assertThat(pull.output()).as("docker pull of :latest%n%s", pull.describe())
        .doesNotContain("Using default tag").contains(pushed.toString());
    assertSameImage(image + ":latest");
  }

  @Test
  @Order(8)
  @CheckId("clients.docker.logout")
  @Covers({"R81"})
  void after_docker_logout_a_push_is_refused() {
    requireDocker();
    Credentials credentials = scenario.target().credentials();
    if (credentials == null) {
      throw new NotConfiguredException("No credentials are configured, so there is no logout to check");
    }
    requireStep(pushDone, "docker push");
    assertSucceeded(docker(QUICK, "logout", host), "docker logout");
    assertRefused(docker(TRANSFER, "push", image + ":" + TAG), "a docker push after logout must be refused");
  }

  private void requireDocker() {
    ClientChecks.requireClient(ClientAvailability.dockerUnavailable(), scenario);
  }

  /** The pulled image is the one built: same image id (the config digest), so every layer came back intact. */
  private void assertSameImage(String reference) {
    ClientRun id = assertSucceeded(docker(QUICK, "inspect", "--format", "{{.Id}}", reference), "docker inspect");
    assertThat(id.output().strip()).as("image id of %s after the pull (the built image's is %s)", reference, imageId)
        .isEqualTo(imageId);
  }

  private void removeLocal(String... references) {
    for (String reference : references) {
      ClientRun rmi = docker(QUICK, "rmi", reference);
      if (!rmi.succeeded() && !rmi.output().contains("No such image")) {
        throw new UncheckedIOException(new IOException("docker rmi failed:\n" + rmi.describe()));
      }
    }
  }

  private ClientRun docker(Duration limit, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return home.run(limit, null, command);
  }
}
