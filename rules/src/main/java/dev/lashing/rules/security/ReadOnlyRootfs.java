package dev.lashing.rules.security;

import dev.lashing.knowledge.HostPaths;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Mount;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A container whose root filesystem is writable: {@code read_only} absent or false. The fix makes it
 * read-only and gives the container a tmpfs at {@code /tmp}, unless something is mounted there already.
 */
@RuleInfo(
    id = "read-only-rootfs",
    summary = "A container's root filesystem is writable",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    development = Level.OFF,
    cis = "5.13",
    cisV15 = "5.12",
    fixable = true,
    patch = PatchCoverage.OPTIONAL,
    roles = RuleRole.WRITABLE_ROOT)
public final class ReadOnlyRootfs implements Rule {
  /** Where any image that the catalog does not know gets a tmpfs. */
  private static final List<String> TMP = List.of("/tmp");
  private static final String ADVICE = ", so an intruder can replace its programs and keep tools and"
      + " backdoors there; set read_only: true and give the paths it writes a tmpfs or a volume";

  @Override
  public RuleInfo info() {
    return ReadOnlyRootfsInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (!Services.runsContainer(service) || service.isReadOnly()) {
        continue;
      }
      // a known image writes where generate gives it a tmpfs; any other gets a writable /tmp, and the fix says
      // that its other write paths are unknown
      KnownImage.Runtime runtime = Services.knownRuntime(context, service).orElse(null);
      List<String> written = runtime != null ? runtime.tmpfs() : TMP;
      List<String> tmpfs = new ArrayList<>(written.size());
      for (String path : written) {
        if (!hasMountAt(service, path)) {
          tmpfs.add(path);
        }
      }
      String description = (tmpfs.isEmpty() ? "set read_only: true"
          : "set read_only: true and mount a tmpfs at " + String.join(", ", tmpfs))
          + (runtime == null ? "; Lashing does not know where else the image writes" : "");
      Fix fix = new Fix(description, Fix.Safety.BEHAVIOUR_CHANGING, () -> changes(service, tmpfs));
      if (service.readOnly() == null) {
        context.report(service.nameOrigin(), service.name(), () -> "service '" + service.name()
            + "' has a writable root filesystem" + ADVICE, fix);
      } else {
        context.report(service.readOnly().origin(), service.name(), () -> "service '" + service.name()
            + "' sets read_only: false" + ADVICE, fix);
      }
    }
  }

  /** read_only: true, and a tmpfs at each of {@code tmpfs}. */
  private static List<Fix.Change> changes(Service service, List<String> tmpfs) {
    List<Fix.Change> changes = new ArrayList<>(1 + tmpfs.size());
    changes.add(new Fix.Set(Services.path(service, "read_only"), true));
    for (String path : tmpfs) {
      changes.add(new Fix.Append(Services.path(service, "tmpfs"), path));
    }
    return changes;
  }

  private static boolean hasMountAt(Service service, String path) {
    for (Located<String> tmpfs : service.tmpfs()) {
      if (path.equals(HostPaths.normalize(target(tmpfs.value())))) {
        return true;
      }
    }
    for (Mount volume : service.volumes()) {
      if (volume.target() != null && path.equals(HostPaths.normalize(volume.target().value()))) {
        return true;
      }
    }
    return false;
  }

  /** The path of a {@code tmpfs} item ({@code /tmp:size=64m,mode=1777}). */
  private static String target(String item) {
    int options = item.indexOf(':');
    return options < 0 ? item : item.substring(0, options);
  }
}
