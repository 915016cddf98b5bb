package dev.regconform.cli;

import picocli.CommandLine;

/**
 * The toolkit's version, from the jar manifest ("dev" when run from classes); {@code --version} adds the Java runtime
 * and the operating system it runs on, which a bug report needs too.
 */
public final class ToolVersion implements CommandLine.IVersionProvider {
  public static String get() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** {@code regconform VERSION}, then the Java runtime (version, vendor, VM), then the OS (name, version, arch). */
  @Override
  public String[] getVersion() {
    return new String[] {
        "regconform " + get(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")};
  }
}
