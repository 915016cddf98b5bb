package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a conformance scenario class: one instance per class (its setup pushes content once for all its
 * checks), a {@link Scenario} resolvable as a parameter, the {@code conformance} tag, and the workflow
 * switches ({@link WorkflowCondition}: a class whose workflow tag configuration turned off is disabled).
 *
 * <pre>{@code
 * @RegistryConformance
 * @Tag("pull")
 * class PullScenarios {
 *   @BeforeAll void pushImage(Scenario scenario) { … }
 *   @Test @CheckId("pull.by-tag.manifest-bytes") void pull_by_tag_returns_the_exact_bytes_pushed() { … }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({RegistryTargetExtension.class, CheckLevelExtension.class, WorkflowCondition.class})
@Tag("conformance")
public @interface RegistryConformance {}
