/**
 * Concurrency (issue 9): several clients writing and reading the same content at once, bounded in count (eight
 * clients) and in time. Check ids start with {@code concurrency.}; the classes carry the {@code concurrency} workflow
 * tag (run with {@code OCI_TEST_PUSH}). Each race runs on a fixed pool of its own whose threads are always joined
 * ({@link dev.regconform.concurrency.Race}), so a check never leaves a thread behind.
 */
package dev.regconform.scenarios.concurrency;
