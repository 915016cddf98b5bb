package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scenario class whose checks take seconds rather than milliseconds (hundreds of MiB, real clients, waits a check
 * needs). When classes run at once, these start first ({@link LongRunningFirst}), so that none of them is left to run
 * alone at the end of a run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LongRunning {}
