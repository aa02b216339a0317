package dev.lashing.rules.supplychain;

import dev.lashing.model.Image;
import dev.lashing.model.Service;
import java.util.Optional;

/**
 * The image a service pulls from a registry. Services with a {@code build} section are skipped: their
 * {@code image} names what is built, not what is pulled. Invalid references are left to the correctness rules.
 */
final class PulledImage {
  private PulledImage() {}

  static Optional<Image> of(Service service) {
    Image image = service.image();
    return image != null && image.isValid() && service.build() == null ? Optional.of(image) : Optional.empty();
  }
}
