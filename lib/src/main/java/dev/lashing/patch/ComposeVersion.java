package dev.lashing.patch;

import dev.lashing.patch.PatchMap.Tag;
import dev.lashing.patch.PatchMap.Tagged;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The oldest Docker Compose that reads a patch, from the features it uses. */
public enum ComposeVersion {
  ANY_V2("Needs Docker Compose v2; it uses no !reset or !override."),
  RESET("Needs Docker Compose 2.18.0 or later, for !reset (Compose v1 cannot read it)."),
  OVERRIDE("Needs Docker Compose 2.24.4 or later, for !override (2.18.0 brought !reset; Compose v1 reads neither).");

  private final String sentence;

  ComposeVersion(String sentence) {
    this.sentence = sentence;
  }

  public String sentence() {
    return sentence;
  }

  static ComposeVersion requiredBy(PatchMap root) {
    Set<Tag> tags = new LinkedHashSet<>();
    collectTags(root, tags);
    return tags.contains(Tag.OVERRIDE) ? OVERRIDE : tags.contains(Tag.RESET) ? RESET : ANY_V2;
  }

  private static void collectTags(Object value, Set<Tag> tags) {
    if (value instanceof Tagged t) {
      tags.add(t.tag());
      collectTags(t.value(), tags);
    } else if (value instanceof PatchMap map) {
      for (String k : map.keys()) {
        collectTags(map.get(k), tags);
      }
    } else if (value instanceof Collection<?> list) {
      for (Object item : list) {
        collectTags(item, tags);
      }
    }
  }
}
