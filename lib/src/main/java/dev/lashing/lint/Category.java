package dev.lashing.lint;

import java.util.Locale;

/** What a rule protects. */
public enum Category {
  CORRECTNESS, SECURITY, NETWORK, RESOURCES, RELIABILITY, SUPPLY_CHAIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
