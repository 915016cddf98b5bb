/**
 * Real clients against the registry under test (issue 6): the docker CLI workflow, skopeo and Jib core, each step
 * confirmed with the toolkit's own requests. Check ids start with {@code clients.}; the classes carry the
 * {@code clients} workflow tag (pushes, so under {@code OCI_TEST_PUSH}). A check whose client or Docker engine is
 * absent, or whose target is not a plain-HTTP loopback registry, is skipped with the reason.
 */
package dev.regconform.scenarios.clients;
