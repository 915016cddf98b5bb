package dev.regconform.allure;

import dev.regconform.client.RegistryOperationException;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResultContainer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Allure's JUnit Platform listener for one registry's run, so that its results say what the run's own reports say:
 * <ul>
 *   <li>every check gets its labels ({@link CheckLabels}), also a check that never started (disabled by configuration,
 *       or whose class setup failed: each is its own result, as in {@code junit.xml}, not one result for the class);
 *   <li>a check that failed because the registry refused content it needed ({@link RegistryOperationException}) is
 *       {@code failed}, as its outcome is, not {@code broken};
 *   <li>the history id holds the registry, so the same check against two registries is two tests, not a retry;
 *   <li>the HTTP exchanges a scenario class makes outside its checks (its setup pushes the content its checks look at,
 *       its cleanup deletes it) are the steps of a "Set up" and a "Tear down" fixture, which Allure shows with each of
 *       the class's checks.
 * </ul>
 * {@code SuiteRunner} uses it in place of the one the JUnit Platform would load from the class path.
 *
 * <pre>{@code
 * LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
 *     .addTestExecutionListeners(new AllureCheckListener(Allure.getLifecycle(), "Distribution 2.8.2")).build());
 * }</pre>
 */
public final class AllureCheckListener extends AllureJunitPlatform {
  private final String registry;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  /** The open class scopes (one per scenario class, nested ones included), by the class's unique id. */
  private final Map<String, ClassScope> scopes = new ConcurrentHashMap<>();
  private volatile TestPlan plan;

  /**
   * @param registry what the registry is, as the reports name it (its description, or its URL): stable across runs,
   *     so Allure's history follows each check on each registry
   */
  public AllureCheckListener(AllureLifecycle lifecycle, String registry) {
    super(lifecycle);
    this.registry = registry;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    super.testPlanExecutionStarted(testPlan);
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    parentScope(id).ifPresent(scope -> scope.closeFixture(Status.PASSED));
    super.executionStarted(id);
    if (!id.isTest()) {
      if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
        ClassScope scope = new ClassScope(id.getDisplayName());
        scopes.put(id.getUniqueId(), scope);
        scope.openFixture(true);
      }
      return;
    }
    started.add(id.getUniqueId());
    Optional<MethodSource> method = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    List<String> tags = id.getTags().stream().map(TestTag::getName).toList();
    // The test case super just started is the current one of this thread.
    getLifecycle().getCurrentTestCase().ifPresent(uuid -> enclosingScopes(id).forEach(s -> s.children.add(uuid)));
    getLifecycle().updateTestCase(result -> CheckLabels.apply(result,
        method.<Class<?>>map(MethodSource::getJavaClass).orElse(Object.class),
        method.map(MethodSource::getJavaMethod).orElse(null), tags, registry));
  }

  /** Each skipped check becomes a started and aborted one, so it gets its labels; the reason is its message. */
  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    for (TestIdentifier test : testsOf(id)) {
      if (started.contains(test.getUniqueId())) {
        continue;
      }
      executionStarted(test);
      getLifecycle().updateTestCase(result -> result.setStatusDetails(new StatusDetails().setMessage(reason)));
      finished(test, TestExecutionResult.aborted(null));
    }
  }

  /**
   * A failed class (its setup) reports each of its checks that never started with its error, as a check of its own; a
   * class's end closes its fixtures and writes its container.
   */
  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (id.isTest()) {
      finished(id, result);
      return;
    }
    boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
    ClassScope scope = scopes.get(id.getUniqueId());
    if (scope != null) { // the open fixture holds the exchanges of the setup or cleanup that failed, if one did
      scope.closeFixture(failed ? result.getThrowable().map(this::getStatus).orElse(Status.BROKEN) : Status.PASSED);
    }
    List<TestIdentifier> neverStarted = !failed ? List.of()
        : testsOf(id).stream().filter(t -> !started.contains(t.getUniqueId())).toList();
    for (TestIdentifier test : neverStarted) {
      executionStarted(test);
      finished(test, result);
    }
    if (scope != null) {
      scopes.remove(id.getUniqueId());
      scope.closeFixture(Status.PASSED);
      scope.write();
    }
    super.executionFinished(id, neverStarted.isEmpty() ? result : TestExecutionResult.successful());
    parentScope(id).ifPresent(parent -> parent.openFixture(false));
  }

  private void finished(TestIdentifier test, TestExecutionResult result) {
    super.executionFinished(test, result);
    parentScope(test).ifPresent(scope -> scope.openFixture(false));
  }

  @Override
  protected Status getStatus(Throwable throwable) {
    return throwable instanceof RegistryOperationException ? Status.FAILED : super.getStatus(throwable);
  }

  /** The registry and the check's unique id: the same check against another registry is another test. */
  @Override
  protected String getHistoryId(TestIdentifier id) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5")
          .digest((registry + "\n" + id.getUniqueId()).getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, md5).toString(16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has MD5", e);
    }
  }

  private List<TestIdentifier> testsOf(TestIdentifier id) {
    if (id.isTest()) {
      return List.of(id);
    }
    TestPlan current = plan;
    return current == null ? List.of() : current.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
  }

  private Optional<ClassScope> parentScope(TestIdentifier id) {
    TestPlan current = plan;
    return current == null ? Optional.empty()
        : current.getParent(id).map(p -> scopes.get(p.getUniqueId()));
  }

  /** The scopes of the classes around a check: its own and, for a nested class, the outer ones. */
  private List<ClassScope> enclosingScopes(TestIdentifier id) {
    List<ClassScope> found = new ArrayList<>();
    TestPlan current = plan;
    for (Optional<TestIdentifier> p = current == null ? Optional.empty() : current.getParent(id); p.isPresent();
        p = current.getParent(p.get())) {
      Optional.ofNullable(scopes.get(p.get().getUniqueId())).ifPresent(found::add);
    }
    return found;
  }

  /**
   * A scenario class's own Allure container, with the checks it holds as children: the exchanges between the class's
   * start and its first check are its "Set up" fixture, those after a check (its cleanup) a "Tear down" one. A fixture
   * is current on the thread while open, so {@code ExchangeSteps} records into it; an empty one is dropped.
   */
  private final class ClassScope {
    private final String uuid = UUID.randomUUID().toString();
    private final String name;
    private final List<String> children = Collections.synchronizedList(new ArrayList<>());
    private FixtureResult fixture;
    private String fixtureUuid;
    private boolean fixtureIsSetup;

    ClassScope(String name) {
      this.name = name;
      getLifecycle().startTestContainer(new TestResultContainer().setUuid(uuid).setName(name));
    }

    synchronized void openFixture(boolean setup) {
      closeFixture(Status.PASSED);
      fixture = new FixtureResult().setName((setup ? "Set up " : "Tear down ") + name + ": HTTP exchanges");
      fixtureUuid = UUID.randomUUID().toString();
      fixtureIsSetup = setup;
      if (setup) {
        getLifecycle().startPrepareFixture(uuid, fixtureUuid, fixture);
      } else {
        getLifecycle().startTearDownFixture(uuid, fixtureUuid, fixture);
      }
    }

    synchronized void closeFixture(Status status) {
      if (fixture == null) {
        return;
      }
      FixtureResult closing = fixture;
      boolean setup = fixtureIsSetup;
      getLifecycle().updateFixture(fixtureUuid, f -> f.setStatus(status));
      getLifecycle().stopFixture(fixtureUuid);
      fixture = null;
      if (closing.getSteps().isEmpty()) {
        getLifecycle().updateTestContainer(uuid, c -> (setup ? c.getBefores() : c.getAfters()).removeIf(f -> f == closing));
      }
    }

    void write() {
      getLifecycle().updateTestContainer(uuid, c -> c.setChildren(new ArrayList<>(children)));
      getLifecycle().stopTestContainer(uuid);
      getLifecycle().writeTestContainer(uuid);
    }
  }
}
