package dev.lashing.inventory.audit;

import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which containers of a host run each image and mount each volume. Each container's image reference is read once
 * and indexed (by repository, by ID, as written), as are its mounts, so that a host of thousands of containers and
 * images is not compared pair by pair. Users are listed in the order of the containers.
 */
final class ResourceUsers {
  private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

  private final List<HostState.Container> containers;
  /** Containers whose image is a reference, by its familiar repository name. */
  private final Map<String, List<Reference>> byRepository = new HashMap<>();
  /** Containers whose image is given by ID (without {@code sha256:}), by that ID. */
  private final NavigableMap<String, List<Integer>> byId = new TreeMap<>();
  /** Containers whose image is neither an ID nor a reference, by the text as written. */
  private final Map<String, List<Integer>> byText = new HashMap<>();
  /** Containers by each volume name or path they mount in full. */
  private final Map<String, List<Integer>> byMount = new HashMap<>();
  /** Containers by the start of each mount name Docker cut short. */
  private final Map<String, List<Integer>> byMountStart = new HashMap<>();

  /** A container's image reference, read. */
  private record Reference(int container, String tag, String digest) {}

  ResourceUsers(List<HostState.Container> containers) {
    this.containers = containers;
    for (int i = 0; i < containers.size(); i++) {
      HostState.Container c = containers.get(i);
      String image = c.image();
      if (IMAGE_ID.matcher(image).matches()) {
        add(byId, withoutAlgorithm(image), i);
      } else {
        try {
          ImageReference r = ImageReference.parse(image);
          String tag = r.tag() != null ? r.tag() : r.digest() == null ? "latest" : null;
          byRepository.computeIfAbsent(r.familiarName(), key -> new ArrayList<>())
              .add(new Reference(i, tag, r.digest()));
        } catch (SyntaxException e) {
          add(byText, image, i);
        }
      }
      for (String mount : c.mounts()) {
        String start = mount.endsWith("\u2026") ? mount.substring(0, mount.length() - 1)
            : mount.endsWith("...") ? mount.substring(0, mount.length() - 3) : null;
        add(start == null ? byMount : byMountStart, start == null ? mount : start, i);
      }
    }
  }

  /**
   * The names of the containers that run an image: by ID (either ID the start of the other), or by reference
   * (same repository, and the same digest or tag; no tag means {@code latest}); a dangling image only by ID.
   */
  List<String> ofImage(HostState.Image image, String familiarRepository) {
    TreeSet<Integer> users = new TreeSet<>();
    String id = withoutAlgorithm(image.id());
    // IDs that start with the image's ID, then IDs the image's ID starts with
    byId.subMap(id, true, id + Character.MAX_VALUE, false).values().forEach(users::addAll);
    for (int length = 1; length < id.length(); length++) {
      users.addAll(byId.getOrDefault(id.substring(0, length), List.of()));
    }
    if (!image.isDangling()) {
      for (Reference r : byRepository.getOrDefault(familiarRepository, List.of())) {
        if (r.digest() != null && r.digest().equals(image.digest()) || r.tag() != null && r.tag().equals(image.tag())) {
          users.add(r.container());
        }
      }
      users.addAll(byText.getOrDefault(image.name(), List.of()));
    }
    return names(users);
  }

  /** The names of the containers that mount a volume; a name Docker cut short counts as a match of its start. */
  List<String> ofVolume(String volume) {
    TreeSet<Integer> users = new TreeSet<>(byMount.getOrDefault(volume, List.of()));
    for (int length = 0; length <= volume.length(); length++) {
      users.addAll(byMountStart.getOrDefault(volume.substring(0, length), List.of()));
    }
    return names(users);
  }

  private List<String> names(TreeSet<Integer> users) {
    List<String> names = new ArrayList<>(users.size());
    users.forEach(i -> names.add(containers.get(i).name()));
    return names;
  }

  private static String withoutAlgorithm(String id) {
    return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
  }

  private static <K> void add(Map<K, List<Integer>> index, K key, int container) {
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(container);
  }
}
