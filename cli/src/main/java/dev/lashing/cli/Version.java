package dev.lashing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Lashing's version, as Maven filtered it into {@code version.properties}. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
