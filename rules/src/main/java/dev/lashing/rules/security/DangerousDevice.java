package dev.lashing.rules.security;

import static java.util.Map.entry;

import dev.lashing.knowledge.HostPaths;
import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Device;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host device that gives raw access to memory or disks, or to mounting filesystems, mapped into a
 * container ({@code devices}); and a {@code device_cgroup_rules} item that allows such devices, or every
 * device. Each item is reported.
 */
@RuleInfo(
    id = "dangerous-device",
    summary = "A container gets raw access to host memory, disks or every device",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.18",
    cisV15 = "5.17")
public final class DangerousDevice implements Rule {
  @Override
  public RuleInfo info() {
    return DangerousDeviceInfo.INFO;
  }

  /** Device paths and what they give access to, first match wins. */
  private static final List<Map.Entry<Pattern, String>> DEVICES = List.of(
      entry(Pattern.compile("/dev"), "every host device"),
      entry(Pattern.compile("/dev/(mem|kmem|port)"), "the host's physical memory or I/O ports"),
      entry(Pattern.compile("/dev/(sd|hd|vd|xvd|nvme|mmcblk|dm-|loop|md|nbd)[^/]*|/dev/(disk|mapper)(/.*)?"),
          "raw access to a host disk, beneath the file permissions of every filesystem on it"),
      entry(Pattern.compile("/dev/cpu/[0-9]+/msr"), "the CPU's model-specific registers"),
      entry(Pattern.compile("/dev/fuse"), "mounting FUSE filesystems, which widens what a compromised process"
          + " can do to the kernel"));

  /**
   * A device cgroup rule: type ({@code a}, {@code b}, {@code c}), major and minor ({@code *} for any), and
   * access ({@code r}, {@code w}, {@code m}).
   */
  private static final Pattern RULE = Pattern.compile("\\s*([abc])\\s+(\\*|[0-9]+):(\\*|[0-9]+)\\s+([rwm]+)\\s*");
  /** Block device majors of disks: IDE, SCSI/SATA, virtio, Xen, device mapper, NVMe, MMC, loop, md. */
  private static final Pattern DISK_MAJORS = Pattern.compile("3|7|8|9|6[5-9]|7[01]|12[89]|13[0-5]|179|202|25[2-9]");

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Device device : service.devices()) {
        if (device.source() == null) {
          continue;
        }
        String path = HostPaths.normalize(device.source().value());
        String risk = path == null ? null : DEVICES.stream()
            .filter(d -> d.getKey().matcher(path).matches()).map(Map.Entry::getValue).findFirst().orElse(null);
        if (risk != null) {
          context.report(device.source().origin(), service.name(), "service '" + service.name() + "' maps device "
              + device.source().value() + ", which gives it " + risk + "; remove the mapping, or map only the"
              + " one device the service needs");
        }
      }
      for (Located<String> rule : service.deviceCgroupRules()) {
        String risk = risk(rule.value());
        if (risk != null) {
          context.report(rule.origin(), service.name(), "service '" + service.name()
              + "' has device_cgroup_rules '" + rule.value() + "', which allows " + risk + "; allow only the"
              + " major and minor numbers of the device the service needs");
        }
      }
    }
  }

  /** What a device cgroup rule lets the container read or write that it should not, or null. */
  private static String risk(String rule) {
    Matcher m = RULE.matcher(rule);
    if (!m.matches() || !m.group(4).matches(".*[rw].*")) {
      return null;
    }
    String type = m.group(1);
    String major = m.group(2);
    if (type.equals("a")) {
      return "every host device";
    }
    if (major.equals("*")) {
      return type.equals("b") ? "every host block device (all disks)" : "every host character device";
    }
    if (type.equals("b") && DISK_MAJORS.matcher(major).matches()) {
      return "a host disk";
    }
    return type.equals("c") && major.equals("1") && m.group(3).matches("\\*|[124]") ? "the host's memory" : null;
  }
}
