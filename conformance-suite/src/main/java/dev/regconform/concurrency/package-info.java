/**
 * Running several clients against a registry at once, bounded in count and time, and collecting what every client
 * saw: {@link dev.regconform.concurrency.Race} and {@link dev.regconform.concurrency.Findings}, used by the checks of
 * {@code dev.regconform.scenarios.concurrency}.
 */
package dev.regconform.concurrency;
