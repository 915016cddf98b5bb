package dev.regconform.junit;

import org.opentest4j.TestAbortedException;

/**
 * The check needs a setting the run was not given (an option, a variable): it is reported as disabled, and the message
 * names the setting. For what only the registry can tell, see {@link Unsupported}; for settings known before any check
 * runs, prefer a condition ({@link RequiresFeature}).
 *
 * <pre>{@code
 * NotConfiguredException.unless(settings.readOnly().isPresent(),
 *     "--read-only-username USER with REGCONFORM_READ_ONLY_PASSWORD");
 * }</pre>
 */
public class NotConfiguredException extends TestAbortedException {
  /**
   * A check that cannot run without a setting; {@link #unless} words the message.
   *
   * @param message the disabled reason, naming the setting
   */
  public NotConfiguredException(String message) {
    super(message);
  }

  /**
   * Aborts the check as disabled unless {@code configured}: {@code disabled by configuration: needs <setting>, which
   * this run was not given}.
   *
   * @param configured whether the run has the setting
   * @param setting the setting as a user gives it, e.g. {@code --read-only-username USER}
   * @throws NotConfiguredException when {@code configured} is false
   */
  public static void unless(boolean configured, String setting) {
    if (!configured) {
      throw new NotConfiguredException("disabled by configuration: needs " + setting + ", which this run was not given");
    }
  }
}
