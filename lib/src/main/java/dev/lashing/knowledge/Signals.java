package dev.lashing.knowledge;

import java.util.Locale;
import java.util.Set;

/**
 * The signals the Docker engine accepts for {@code stop_signal} (its {@code signal.ParseSignal}): a Linux signal
 * name, with or without {@code SIG}, in any case; a real-time signal {@code RTMIN+n} or {@code RTMAX-n}; or a
 * signal number from 1 to 64. Compose passes any text through; the engine refuses the rest when it creates the
 * container.
 */
public final class Signals {
  private static final Set<String> NAMES = Set.of(
      "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
      "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
      "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX");
  private static final int REALTIME_OFFSETS = 15;
  private static final int HIGHEST = 64;

  private Signals() {}

  /** Whether the engine accepts {@code text} as a stop signal. */
  public static boolean isKnown(String text) {
    if (text.matches("[0-9]+")) {
      long number = text.length() > 2 ? Long.MAX_VALUE : Long.parseLong(text);
      return number >= 1 && number <= HIGHEST;
    }
    String name = text.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    if (NAMES.contains(name)) {
      return true;
    }
    if (name.matches("RTMIN\\+[0-9]{1,2}|RTMAX-[0-9]{1,2}")) {
      int offset = Integer.parseInt(name.substring(6));
      return offset >= 1 && offset <= REALTIME_OFFSETS;
    }
    return false;
  }
}
