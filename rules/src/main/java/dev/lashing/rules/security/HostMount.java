package dev.lashing.rules.security;

import dev.lashing.knowledge.HostPaths;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Mount;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import dev.lashing.model.Volume;
import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A service mount whose source is a path on the host: a bind mount, or a named volume that the local driver
 * binds to a host directory ({@code driver_opts: {type: none, o: bind, device: /srv/data}}).
 *
 * @param path the host path, absolute and normalized ({@code /var/run/../etc/} is {@code /etc})
 * @param volume the named volume it comes through, or null for a bind mount
 * @param readOnly whether the container sees it read-only ({@code :ro}, or the volume's {@code o: bind,ro})
 */
record HostMount(Mount mount, String path, String volume, boolean readOnly) {

  /** Where a finding about the mount points: its source as written in the service. */
  Origin origin() {
    return mount.source().origin();
  }

  /** The source for a message: the host path, and the volume it comes through. */
  String describe() {
    return volume == null ? path : path + " (through volume '" + volume + "')";
  }

  /** The service's mounts of host paths, in order. Windows paths and relative devices are left out. */
  static List<HostMount> of(Project project, Service service) {
    List<HostMount> found = new ArrayList<>();
    for (Mount mount : service.volumes()) {
      if (mount.source() == null) {
        continue;
      }
      String source = mount.source().value();
      if (mount.isBind()) {
        add(found, mount, source, null, mount.isReadOnly());
      } else if (mount.isVolume()) {
        Volume volume = project.volumes().get(source);
        List<String> options = volume == null || volume.isExternal() ? List.of() : mountOptions(volume);
        KeyValue device = volume == null ? null : volume.driverOpts().get("device");
        if (options.stream().anyMatch(o -> o.matches("r?bind")) && device != null && device.text() != null) {
          add(found, mount, device.text(), source, mount.isReadOnly() || options.contains("ro"));
        }
      }
    }
    return found;
  }

  private static void add(List<HostMount> found, Mount mount, String source, String volume, boolean readOnly) {
    String path = HostPaths.normalize(source);
    if (path != null) {
      found.add(new HostMount(mount, path, volume, readOnly));
    }
  }

  /** The {@code o} mount options of a volume of the local driver; empty for another driver. */
  private static List<String> mountOptions(Volume volume) {
    boolean local = volume.driver() == null || volume.driver().value().equals("local");
    KeyValue options = volume.driverOpts().get("o");
    return !local || options == null || options.text() == null
        ? List.of()
        : Arrays.stream(options.text().split(",")).map(String::trim).toList();
  }
}
