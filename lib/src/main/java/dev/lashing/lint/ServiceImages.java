package dev.lashing.lint;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.ImageKind;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.model.Image;
import dev.lashing.model.Project;
import dev.lashing.model.PulledImage;
import dev.lashing.model.Service;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link ImageCatalog} says of each service's image, looked up once per lint run: the resource, health,
 * capability and root-filesystem rules all ask it of every service. It lives as long as the run, so nothing
 * grows with the projects a long-running editor server has seen.
 */
final class ServiceImages {
  private record Facts(Optional<KnownImage> known, ImageKind kind) {}

  private final Map<Service, Facts> byService;
  private final List<PulledImage> pulled;

  private ServiceImages(Map<Service, Facts> byService, List<PulledImage> pulled) {
    this.byService = byService;
    this.pulled = pulled;
  }

  static ServiceImages of(Project project) {
    Map<Service, Facts> byService = new IdentityHashMap<>(project.services().size());
    for (Service service : project.services().values()) {
      byService.put(service, facts(service));
    }
    return new ServiceImages(byService, List.copyOf(PulledImage.of(project)));
  }

  /** Every image the project pulls. */
  List<PulledImage> pulled() {
    return pulled;
  }

  Optional<KnownImage> known(Service service) {
    return factsOf(service).known();
  }

  ImageKind kind(Service service) {
    return factsOf(service).kind();
  }

  /** The facts of a service of the project; one from elsewhere is looked up as it is asked. */
  private Facts factsOf(Service service) {
    Facts facts = byService.get(service);
    return facts != null ? facts : facts(service);
  }

  private static Facts facts(Service service) {
    Image image = service.image();
    if (image == null || !image.isValid()) {
      return new Facts(Optional.empty(), ImageKind.OTHER);
    }
    return new Facts(ImageCatalog.find(image.reference()), ImageCatalog.kindOf(image.reference()));
  }
}
