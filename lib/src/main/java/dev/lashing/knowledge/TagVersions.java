package dev.lashing.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an image tag starts with ({@code 4.4.15-debian-10-r8} is 4.4.15), for the facts of the catalog that
 * hold from one release of an image on.
 */
final class TagVersions {
  private static final Pattern LEADING = Pattern.compile("v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?![\\d.])");

  private TagVersions() {}

  /** Major, minor and patch (0 where the tag stops earlier), or null when the tag does not start with a version. */
  static int[] leading(String tag) {
    Matcher m = LEADING.matcher(tag);
    if (!m.lookingAt()) {
      return null;
    }
    int[] version = new int[3];
    for (int i = 0; i < 3; i++) {
      version[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
    }
    return version;
  }

  /** Whether {@code version} is {@code major.minor} or later. */
  static boolean atLeast(int[] version, int major, int minor) {
    return version[0] != major ? version[0] > major : version[1] >= minor;
  }

  /**
   * How a fact that changed at one version applies to a tag: {@link Order#BEFORE} or {@link Order#SINCE} that
   * version, {@link Order#CURRENT} for a tag that moves with the newest release ({@code latest}, {@code jammy}), or
   * {@link Order#UNKNOWN} for a digest alone or a tag that names a version Lashing cannot read.
   */
  static Order order(String tag, int major, int minor) {
    if (tag == null) {
      return Order.UNKNOWN;
    }
    int[] version = leading(tag);
    if (version != null) {
      return atLeast(version, major, minor) ? Order.SINCE : Order.BEFORE;
    }
    return MovingTags.movement(tag) != null ? Order.CURRENT : Order.UNKNOWN;
  }

  enum Order {
    BEFORE, SINCE, CURRENT, UNKNOWN
  }
}
