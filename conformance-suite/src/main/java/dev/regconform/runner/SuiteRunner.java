package dev.regconform.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.regconform.allure.AllureCheckListener;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.LongRunningFirst;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.TargetRun;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import io.qameta.allure.Allure;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the shipped scenarios ({@code dev.regconform.scenarios}) against one registry through the JUnit
 * Platform Launcher, the way a TCK runs.
 *
 * <pre>{@code
 * TargetRun run = SuiteRunner.run(settings, result -> System.out.println(result.id() + " " + result.outcome()));
 * }</pre>
 */
public final class SuiteRunner {
  /** The package holding every scenario. */
  public static final String SCENARIO_PACKAGE = "dev.regconform.scenarios";

  private SuiteRunner() {}

  /** Runs every check against {@code target} with default options (spec 1.1, every feature on). */
  public static Result run(RegistryTarget target, Consumer<CheckResult> onResult) {
    return run(target, RunOptions.defaults(), onResult);
  }

  /** Runs every check against {@code target}; {@code onResult} hears each verdict as it is reached. */
  public static Result run(RegistryTarget target, RunOptions options, Consumer<CheckResult> onResult) {
    Instant started = Instant.now();
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(SCENARIO_PACKAGE))
        .configurationParameters(target.toConfigurationParameters())
        .configurationParameters(options.toConfigurationParameters())
        .configurationParameter("junit.jupiter.displayname.generator.default",
            "org.junit.jupiter.api.DisplayNameGenerator$ReplaceUnderscores")
        // Classes that take seconds start first (so none is left running alone at the end), then by display name.
        .configurationParameter("junit.jupiter.testclass.order.default", LongRunningFirst.class.getName())
        .configurationParameters(concurrency(options.threads()))
        .configurationParameter("junit.jupiter.execution.timeout.default", options.checkTimeout().toSeconds() + " s")
        // The scenarios ship in the jar; a user's junit-platform.properties must not change how they run.
        .enableImplicitConfigurationParameters(false);
    String checks = options.parameters().get(CheckSelection.PARAMETER);
    if (checks != null) {
      builder.filters(CheckSelection.of(checks));
    }
    LauncherDiscoveryRequest request = builder.build();
    CheckResultListener listener = new CheckResultListener(onResult);
    Launcher launcher = LauncherFactory.create(launcherConfig(target));
    launcher.execute(request, listener);
    TargetRun run = new TargetRun(target.url().toString(), target.description(), target.namespace(), started,
        listener.results());
    return new Result(run, listener.warnings());
  }

  /** The id of every shipped check (each format's id apart), found as a run finds them. */
  public static SortedSet<String> checkIds() {
    SortedSet<String> ids = new TreeSet<>();
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(SCENARIO_PACKAGE)).enableImplicitConfigurationParameters(false).build());
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
            .flatMap(m -> CheckIds.of(m.getJavaClass(), m.getJavaMethod())).ifPresent(ids::add);
      }
    }
    return ids;
  }

  /**
   * Scenario classes run {@code threads} at once (each owns its repositories; a class that must run alone says so with
   * {@code @Isolated}); the checks inside a class stay on one thread, in their order.
   */
  static Map<String, String> concurrency(int threads) {
    if (threads <= 1) {
      return Map.of("junit.jupiter.execution.parallel.enabled", "false");
    }
    return Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "same_thread",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(threads),
        "junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(threads));
  }

  /**
   * The listeners the JUnit Platform finds on the class path, with {@link AllureCheckListener} for this registry in
   * place of Allure's own (Allure's results then say what the run's reports say).
   */
  private static LauncherConfig launcherConfig(RegistryTarget target) {
    LauncherConfig.Builder config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false);
    for (TestExecutionListener found : ServiceLoader.load(TestExecutionListener.class)) {
      if (!(found instanceof AllureJunitPlatform)) {
        config.addTestExecutionListeners(found);
      }
    }
    return config.addTestExecutionListeners(new AllureCheckListener(Allure.getLifecycle(), target.description())).build();
  }

  /**
   * What a run produced.
   *
   * @param run every check's verdict
   * @param warnings problems outside any check, e.g. cleanup that failed
   */
  public record Result(TargetRun run, List<String> warnings) {}
}
