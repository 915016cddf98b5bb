package dev.regconform.cli;

import picocli.CommandLine;

/** The toolkit's version, from the jar manifest ("dev" when run from classes). */
public final class ToolVersion implements CommandLine.IVersionProvider {
  public static String get() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"regconform " + get()};
  }
}
