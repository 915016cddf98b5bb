package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs regconform's checks in a project's own JUnit Platform run (Maven Surefire or Failsafe, Gradle): a JUnit
 * {@link Suite} that selects every scenario of the toolkit, set up the way {@code regconform run} runs them (scenario
 * classes in parallel, the checks of a class in order, a time limit per check). The registry comes from the
 * configuration parameter {@value RegistryUnderTest#PARAMETER} (a {@link RegistryUnderTest} that may start and stop it)
 * or {@code regconform.target.url}. JUnit's own suite annotations narrow the run, e.g. {@code @IncludeTags("pull")}
 * (the workflow tags of README "The checks").
 *
 * <pre>{@code
 * @RegistryConformanceSuite
 * @ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "com.example.MyRegistry")
 * @ConfigurationParameter(key = "regconform.baseline", value = "src/test/resources/regconform-baseline.yaml")
 * class MyRegistryConformanceIT {}
 * }</pre>
 *
 * <p>Each check is one test, named after the behaviour it checks, in the project's Surefire/Failsafe reports (and its
 * Allure results when {@code allure-junit5} is on the test class path, as it is with this library). Outcomes: a MUST not
 * met fails; a SHOULD or MAY not met is skipped with its message starting {@code warning:} ({@code
 * regconform.warnings=fail} fails it instead); what the registry says it does not offer, and what needs a setting the
 * run was not given, is skipped saying so; a check listed in the {@code regconform.baseline} file is skipped as a
 * known deviation (README "The toolkit as a library" lists every parameter).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Suite
@SelectPackages("dev.regconform.scenarios")
// The scenario classes are named after behaviour (PushScenarios, …), not *Test: the suite's default filter would drop them.
@IncludeClassNamePatterns(".*")
@ConfigurationParametersResource("dev/regconform/junit/suite.properties")
public @interface RegistryConformanceSuite {}
