package dev.lashing.rules.security;

import java.util.Locale;

/** Capability names as the engine reads them: any case, with or without the {@code CAP_} prefix. */
final class Capabilities {
  private Capabilities() {}

  /** {@code cap_sys_admin}, {@code CAP_SYS_ADMIN} and {@code sys_admin} are all {@code SYS_ADMIN}. */
  static String normalize(String written) {
    String name = written.trim().toUpperCase(Locale.ROOT);
    return name.startsWith("CAP_") ? name.substring(4) : name;
  }
}
