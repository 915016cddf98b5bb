package dev.regconform.it;

/** Facts about the shipped suite that the integration tests rely on. */
final class Checks {
  /**
   * At least this many checks run against every target (about 180 in all workflows, both image formats). Guards
   * against a refactoring that silently stops discovering scenario classes.
   */
  static final int MINIMUM_COUNT = 300;

  private Checks() {}
}
