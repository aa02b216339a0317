package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.lint.TextWithin;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@code tmpfs} entry ({@code /run:exec,size=64m}) whose options turn back on what Docker mounts a tmpfs
 * without: {@code exec}, {@code suid} or {@code dev} (the default is {@code noexec,nosuid,nodev}). The last of
 * {@code exec} and {@code noexec} wins, as in mount(8).
 */
@RuleInfo(
    id = "tmpfs-exec",
    summary = "A tmpfs mount allows executables, set-user-ID programs or device files",
    category = Category.SECURITY,
    severity = Severity.MEDIUM)
public final class TmpfsExec implements Rule {
  @Override
  public RuleInfo info() {
    return TmpfsExecInfo.INFO;
  }

  /** Each option that turns a protection off, and what it then allows. */
  private static final Map<String, String> ALLOWS = Map.of(
      "exec", "running programs written to it",
      "suid", "set-user-ID and set-group-ID programs written to it to raise their privileges",
      "dev", "device files created in it to reach the host's devices");

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Located<String> entry : service.tmpfs()) {
        int colon = entry.value().indexOf(':');
        if (colon < 0) {
          continue;
        }
        String path = entry.value().substring(0, colon);
        for (String on : effective(entry.value().substring(colon + 1))) {
          Origin at = Origin.of(TextWithin.lastOf(context.load(), entry.origin().at(), on), entry.origin().via());
          context.report(at, service.name(), "service '" + service.name() + "' mounts a tmpfs at " + path
              + " with " + on + ", allowing " + ALLOWS.get(on) + ": Docker mounts a tmpfs no" + on + " because"
              + " a writable directory is where an attacker's downloads land; remove " + on + ", or say why the"
              + " service needs it in a lashing-ignore comment");
        }
      }
    }
  }

  /** The options that end up on, in the order they are first written (a later {@code noX} turns X off). */
  private static Set<String> effective(String options) {
    Set<String> on = new LinkedHashSet<>();
    for (String option : options.split(",")) {
      String name = option.trim();
      if (ALLOWS.containsKey(name)) {
        on.add(name);
      } else if (name.startsWith("no") && ALLOWS.containsKey(name.substring(2))) {
        on.remove(name.substring(2));
      }
    }
    return on;
  }
}
