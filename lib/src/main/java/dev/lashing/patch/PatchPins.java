package dev.lashing.patch;

import dev.lashing.fix.DigestLock;
import dev.lashing.lint.Fix;
import dev.lashing.load.LoadResult;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits that pin pulled images to the digests of a lock ({@code lashing patch --digests}): each image the lock
 * knows that is not pinned yet gets its reference with {@code @digest}, where it is written in the merged model.
 * A volume of {@code type: image} is written again whole, alone: Compose keeps one volume per target, the later
 * file's, so the other volumes stay as the project writes them (a rewritten list would spell out their resolved
 * host paths).
 */
final class PatchPins {
  private static final int VOLUME_SOURCE_PATH = 5;

  private PatchPins() {}

  /**
   * The pins for the project as merged so far.
   *
   * @param ruleId the rule the pins resolve, named above each pinned block
   */
  static List<PatchEdits.Edit> edits(LoadResult current, DigestLock lock, Templates templates, String ruleId) {
    List<PatchEdits.Edit> edits = new ArrayList<>();
    for (PulledImage pulled : PulledImage.valid(current.project())) {
      Image image = pulled.image();
      // an image chosen by a variable stays the variable's: a pin written literally would freeze today's tag
      if (image.isDigestPinned() || templates.templateOf(PatchPaths.nodeAt(current.tree(), pulled.path())) != null) {
        continue;
      }
      lock.digestOf(image).ifPresent(digest -> edits.add(new PatchEdits.Edit(ruleId,
          pin(pulled, pulled.prefix() + DigestLock.pinned(image.text(), digest), current, templates))));
    }
    return edits;
  }

  private static Fix.Change pin(PulledImage pulled, String pinned, LoadResult current, Templates templates) {
    List<String> path = pulled.path();
    if (path.size() == VOLUME_SOURCE_PATH && path.get(2).equals("volumes")
        && templates.value(PatchPaths.nodeAt(current.tree(), path.subList(0, 4))) instanceof PatchMap volume) {
      volume.put("source", pinned);
      return new Fix.Append(path.subList(0, 3), volume);
    }
    return new Fix.Set(path, pinned);
  }
}
