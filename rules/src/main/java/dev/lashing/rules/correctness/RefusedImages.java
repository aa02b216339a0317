package dev.lashing.rules.correctness;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.source.QuotedValue;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.TextWithin;
import dev.lashing.lint.WrittenValues;
import dev.lashing.load.LoadResult;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Image references the engine refuses (uppercase in the repository, a space, an empty tag, a malformed digest, a
 * name over 255 characters, a bare 64-hex name): Compose loads them, and then cannot pull or build the image. Every
 * place the loader reads an image is checked: a service's {@code image} (also when it names what the service builds),
 * the {@code source} of a volume of {@code type: image}, the {@code image} of a {@code pre_start} hook and a
 * {@code docker-image://} build context. A top-level model's {@code model} is left alone: Docker Model Runner reads it
 * with rules of its own. A value that is invalid only because variables the project does not set are empty is left
 * to unset-variable, and an empty one to the loader, which reads it as no image.
 */
final class RefusedImages {
  /**
   * What an unset variable is read as, to tell whether the value would be valid once it is set: a name, tag or
   * registry; or a digest.
   */
  private static final List<String> PLACEHOLDERS = List.of("v0", "sha256:" + "0".repeat(64));

  private RefusedImages() {}

  /** An image where it is read, and what the message calls it. */
  private record Read(Image image, String service, String what, String prefix) {}

  static void check(RuleContext context, UnsetVariables unset) {
    for (Read read : reads(context)) {
      ImageReference.Problem problem = read.image().problem();
      if (problem == null || read.image().text().isEmpty() || onlyUnsetVariables(context.load(), unset, read)) {
        continue;
      }
      Origin origin = read.image().origin();
      context.report(Origin.of(within(context.load(), read, problem), origin.via()), read.service(),
          () -> read.what() + " " + QuotedValue.of(read.prefix() + read.image().text()) + " of " + read.service()
              + " is not an image reference the engine accepts (\"" + problem.message() + "\"), so docker compose"
              + " cannot pull or build it", null);
    }
  }

  private static List<Read> reads(RuleContext context) {
    List<Read> reads = new ArrayList<>();
    for (Service service : context.project().services().values()) {
      if (service.image() != null && service.build() != null) {
        reads.add(new Read(service.image(), service.name(), "image", "")); // the name of what it builds
      }
    }
    for (PulledImage pulled : context.pulledImages()) {
      if (pulled.service() == null) {
        continue; // a model
      }
      String what = switch (pulled.path().get(2)) {
        case "volumes" -> "volume source image";
        case "pre_start" -> "pre_start image";
        case "build" -> "build context";
        default -> "image";
      };
      reads.add(new Read(pulled.image(), pulled.service(), what, pulled.prefix()));
    }
    return reads;
  }

  /**
   * Whether the value is valid once each variable it reads that the project does not set (and that has no default)
   * has a value: unset-variable reports those, and the image is only as wrong as they leave it.
   */
  private static boolean onlyUnsetVariables(LoadResult load, UnsetVariables unsetVariables, Read read) {
    SourceRange at = read.image().origin().at();
    Set<String> unset = unsetVariables.within(at);
    if (unset.isEmpty()) {
      return false;
    }
    String value = WrittenValues.at(load, at);
    if (value == null) {
      return true; // where the value is not written, there is no telling: leave it to unset-variable
    }
    for (String placeholder : PLACEHOLDERS) {
      try {
        String set = Template.substitute(value, n -> unset.contains(n) ? placeholder : load.environment().get(n),
            n -> {});
        if (set.startsWith(read.prefix()) && ImageReference.problem(set.substring(read.prefix().length())) == null) {
          return true;
        }
      } catch (InterpolationException e) {
        // not a value Compose would have read either
      }
    }
    return false;
  }

  /**
   * Where the part at fault is written, when the value is written as it is read (no variable, no escape that
   * changes its length); else the whole value.
   */
  private static SourceRange within(LoadResult load, Read read, ImageReference.Problem problem) {
    SourceRange at = read.image().origin().at();
    String written = WrittenValues.at(load, at);
    if (written == null || !written.equals(read.prefix() + read.image().text()) || problem.start() == problem.end()) {
      return at;
    }
    int offset = read.prefix().length();
    return TextWithin.of(load, at).range(offset + problem.start(), offset + problem.end());
  }
}
