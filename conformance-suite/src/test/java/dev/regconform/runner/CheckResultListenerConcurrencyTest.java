package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Scenario classes running at once ({@link SuiteRunner#concurrency}): the listener hands on each class's verdicts as
 * one block, in the class's order, and lists all of them by class display name, then in the class's order, whichever
 * class started or finished first.
 */
class CheckResultListenerConcurrencyTest {
  /** Counted down by {@link Quick}'s check; {@link Waiting}'s first check waits for it. */
  static volatile CountDownLatch quickRan;

  @Test
  void classes_run_at_once_and_each_class_is_handed_on_as_one_block_in_its_order() {
    quickRan = new CountDownLatch(1);
    List<CheckResult> handedOn = new CopyOnWriteArrayList<>();

    List<CheckResult> results = run(4, handedOn);

    assertThat(results).extracting(CheckResult::outcome).as("outcomes: Waiting's first check saw Quick's run, so "
        + "the two classes ran at once").containsOnly(Outcome.PASSED);
    // Which class finishes first is a race (Quick's check ends first, but Waiting may finish its other two checks before
    // Quick's class has finished): each class must come as one block, in its own order.
    List<String> names = handedOn.stream().map(CheckResultListenerConcurrencyTest::name).toList();
    assertThat(names).as("handed on as each class finished").isIn(
        List.of("quick", "waits for the other class", "second", "third"),
        List.of("waits for the other class", "second", "third", "quick"));
    assertThat(results).extracting(CheckResultListenerConcurrencyTest::name)
        .as("results, by class display name ($Quick before $Waiting), then in each class's order")
        .containsExactly("quick", "waits for the other class", "second", "third");
  }

  @Test
  void one_thread_runs_the_classes_one_after_the_other() {
    quickRan = new CountDownLatch(1);
    List<CheckResult> handedOn = new CopyOnWriteArrayList<>();

    List<CheckResult> results = run(1, handedOn);

    assertThat(handedOn).extracting(CheckResultListenerConcurrencyTest::name).as("handed on in the order run")
        .containsExactly("waits for the other class", "second", "third", "quick");
    assertThat(handedOn).extracting(CheckResult::outcome).as("Waiting ran first and alone: its wait timed out")
        .containsExactly(Outcome.FAILED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    assertThat(results).extracting(CheckResultListenerConcurrencyTest::name).as("results, by class display name")
        .containsExactly("quick", "waits for the other class", "second", "third");
  }

  /** The check's name without its class's: {@code CheckResultListenerConcurrencyTest$Quick: quick} is "quick". */
  private static String name(CheckResult result) {
    return result.displayName().substring(result.displayName().indexOf(": ") + 2);
  }

  private static List<CheckResult> run(int threads, List<CheckResult> handedOn) {
    CheckResultListener listener = new CheckResultListener(handedOn::add);
    LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
        .execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Waiting.class), selectClass(Quick.class))
            .configurationParameters(SuiteRunner.concurrency(threads))
            .configurationParameter("junit.jupiter.testclass.order.default",
                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
            .configurationParameter("junit.jupiter.displayname.generator.default",
                "org.junit.jupiter.api.DisplayNameGenerator$ReplaceUnderscores")
            .enableImplicitConfigurationParameters(false)
            .build(), listener);
    return listener.results();
  }

  @Order(1)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Waiting {
    @Test
    @Order(1)
    void waits_for_the_other_class() throws InterruptedException {
      assertThat(quickRan.await(2, TimeUnit.SECONDS)).as("the other class's check ran meanwhile").isTrue();
    }

    @Test
    @Order(2)
    void second() {}

    @Test
    @Order(3)
    void third() {}
  }

  @Order(2)
  static class Quick {
    @Test
    void quick() {
      quickRan.countDown();
    }
  }
}
