package dev.regconform.scenarios.concurrency;

import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.RegistryResponse;
import dev.regconform.concurrency.Findings;
import dev.regconform.concurrency.Race;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.scenarios.Deletion;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec "Deleting Manifests" and "Deleting Blobs" while others pull (R88, R67): each pull answers either the whole,
 * right content or a clean 404, never a 5xx or a body cut short or mixed up.
 */
@Tag("concurrency")
@DisplayName("Delete racing pulls")
public class DeleteRacingPullScenarios extends ScenarioSupport {
  /** Pulls per puller at most; a puller stops sooner once it has seen both gone after the deletes ended. */
  private static final int MAX_PULLS = 200;
  /** Pulls per puller after the deletes ended, at most, for a registry whose deletes take a while to show. */
  private static final int PULLS_AFTER_DELETE = 20;

  @Test
  @CheckId("concurrency.delete.racing-pull")
  @Covers({"R88", "R67"})
  @RequiresFeature({Feature.DELETE_MANIFESTS, Feature.DELETE_BLOBS})
  void pulls_racing_the_delete_of_a_manifest_and_its_layer_answer_the_whole_content_or_a_clean_404() {
    String repo = scenario.repository("delete-race");
    TestImage image = scenario.newImage(64 * 1024);
    scenario.pusher().pushImage(repo, image, "doomed");
    TestBlob layer = image.layers().get(0);
    byte[] manifest = image.manifest().raw();
    byte[] layerBytes = layer.readAllBytes();
    String digest = image.manifest().digest().toString();
    int pullers = Races.CLIENTS - 1;
    CountDownLatch everyPullerStarted = new CountDownLatch(pullers);
    AtomicInteger deletesDone = new AtomicInteger();
    List<RegistryResponse> deletes = new ArrayList<>();
    Findings findings = new Findings();

    List<Integer> pulls = Races.values(Race.run(Races.CLIENTS, Races.LIMIT, i -> {
      if (i == 0) {
        awaitQuietly(everyPullerStarted);
        deletes.add(registry.deleteManifest(repo, digest));
        deletes.add(registry.deleteBlob(repo, layer.digest()));
        deletesDone.set(1);
        return 0;
      }
      int count = 0;
      int afterDelete = 0;
      boolean goneSeen = false;
      while (count < MAX_PULLS && !goneSeen && afterDelete < PULLS_AFTER_DELETE) {
        boolean deleted = deletesDone.get() == 1;
        boolean manifestGone = pull("puller " + i, () -> registry.getManifest(repo, digest, ANY_MANIFEST), manifest,
            findings);
        boolean layerGone = pull("puller " + i, () -> registry.getBlob(repo, layer.digest()), layerBytes, findings);
        count++;
        everyPullerStarted.countDown();
        afterDelete += deleted ? 1 : 0;
        goneSeen = deleted && manifestGone && layerGone;
      }
      return count;
    }), findings);

    findings.verify("every pull of " + repo + "@" + digest + " and of its layer " + layer.digest() + " by " + pullers
        + " clients, while another deleted both (" + deletes + "), to answer 200 with exactly the bytes pushed or 404");
    Deletion.unsupportedIfRefused(deletes.get(0), "manifest deletion");
    Assumptions.assumeTrue(deletes.get(0).status() == 202, () -> "nothing raced the pulls: " + deletes.get(0)
        + " did not delete the manifest (delete.manifest.by-digest reports that); the " + pulls.stream()
        .filter(p -> p != null).mapToInt(Integer::intValue).sum() + " pulls all answered cleanly");
  }

  /** One pull: true when it answered 404 (its JSON error body, if any, of the spec's shape), false for 200 with the right bytes; a problem recorded for anything else. */
  private static boolean pull(String who, Supplier<RegistryResponse> request, byte[] expected, Findings findings) {
    RegistryResponse answer;
    try {
      answer = request.get();
    } catch (RuntimeException e) {
      findings.add(who + ": a pull could not complete: " + e);
      return false;
    }
    if (answer.status() == 404) {
      findings.cleanRefusal(who, answer);
      return true;
    }
    if (findings.expect(who, answer, 200, 404)) {
      findings.expectBody(who, answer, expected);
    }
    return false;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(Races.LIMIT.toSeconds() / 4, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
