package dev.lashing.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image the project pulls from a registry, where it is written: a service's {@code image} (unless the service
 * builds it), the {@code source} of a volume of {@code type: image}, the {@code image} of a {@code pre_start}
 * hook, a {@code docker-image://} build context, and the {@code model} of a top-level model definition.
 *
 * @param image the reference as written
 * @param service the service that pulls it, or null for a model
 * @param path where its value lives in the project, as {@code lint.Fix} paths name it (pinning it sets this)
 * @param prefix what the value holds before the reference ({@code docker-image://}), kept when it is pinned
 */
public record PulledImage(Image image, String service, List<String> path, String prefix) {
  /** How a build context names an image instead of a directory. */
  public static final String DOCKER_IMAGE_CONTEXT = "docker-image://";

  public PulledImage {
    path = List.copyOf(path);
  }

  /** Every image {@code project} pulls, service by service in written order, then the models. */
  public static List<PulledImage> of(Project project) {
    List<PulledImage> pulled = new ArrayList<>();
    for (Service service : project.services().values()) {
      String name = service.name();
      if (service.image() != null && service.build() == null) {
        pulled.add(new PulledImage(service.image(), name, List.of("services", name, "image"), ""));
      }
      List<Mount> mounts = service.volumes();
      for (int i = 0; i < mounts.size(); i++) {
        Mount m = mounts.get(i);
        if (m.type() != null && "image".equals(m.type().value()) && m.source() != null) {
          pulled.add(new PulledImage(Image.of(m.source()), name,
              List.of("services", name, "volumes", "[" + i + "]", "source"), ""));
        }
      }
      List<Hook> hooks = service.preStart();
      for (int i = 0; i < hooks.size(); i++) {
        if (hooks.get(i).image() != null) {
          pulled.add(new PulledImage(hooks.get(i).image(), name,
              List.of("services", name, "pre_start", "[" + i + "]", "image"), ""));
        }
      }
      if (service.build() != null) {
        for (Map.Entry<String, KeyValue> context : service.build().additionalContexts().entrySet()) {
          Located<String> value = context.getValue().value();
          if (value != null && value.value().startsWith(DOCKER_IMAGE_CONTEXT)) {
            pulled.add(new PulledImage(
                Image.of(new Located<>(value.value().substring(DOCKER_IMAGE_CONTEXT.length()), value.origin())),
                name, List.of("services", name, "build", "additional_contexts", context.getKey()),
                DOCKER_IMAGE_CONTEXT));
          }
        }
      }
    }
    for (Model model : project.models().values()) {
      if (model.model() != null) {
        pulled.add(new PulledImage(Image.of(model.model()), null, List.of("models", model.key(), "model"), ""));
      }
    }
    return pulled;
  }

  /** Only the valid references: an invalid one is left to the correctness rules. */
  public static List<PulledImage> valid(Project project) {
    return valid(of(project));
  }

  /** Only the valid references of {@code pulled}. */
  public static List<PulledImage> valid(List<PulledImage> pulled) {
    return pulled.stream().filter(p -> p.image().isValid()).toList();
  }
}
