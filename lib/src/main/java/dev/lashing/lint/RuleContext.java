package dev.lashing.lint;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.ImageKind;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.load.LoadResult;
import dev.lashing.model.Project;
import dev.lashing.model.PulledImage;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What a rule sees while it runs, and where it reports. */
public interface RuleContext {
  LoadResult load();

  default Project project() {
    return load().project();
  }

  Policy policy();

  /** The stack's entry points, the same for every rule of a run (and for fix and patch). */
  Gateways gateways();

  /**
   * What the {@link ImageCatalog} knows of the service's image, by repository; empty when it has no image, an
   * invalid one, or one the catalog does not know. Looked up once per run for every rule.
   */
  Optional<KnownImage> knownImage(Service service);

  /**
   * The kind of the service's image ({@link ImageCatalog#kindOf}), {@link ImageKind#OTHER} when it has no image or
   * an invalid one. Looked up once per run for every rule.
   */
  ImageKind imageKind(Service service);

  /** Every image the project pulls ({@link PulledImage#of}), valid or not; read once per run for every rule. */
  List<PulledImage> pulledImages();

  /** The options configured for this rule (empty when none). */
  RuleOptions options();

  /**
   * Reports a finding at the offending node.
   *
   * @param origin where the offending value is written and how it got here
   * @param service the service concerned, or null
   * @param fix what would resolve it, or null
   */
  default void report(Origin origin, String service, String message, Fix fix) {
    report(origin, service, () -> message, fix);
  }

  /**
   * Reports a finding whose message is written only when a report shows it: for a rule that may report every
   * service of a large file, whose messages would be held to the end of the run.
   *
   * @param message gives the message, the same text every time, from any thread
   */
  void report(Origin origin, String service, Supplier<String> message, Fix fix);

  default void report(Origin origin, String service, String message) {
    report(origin, service, message, null);
  }

  /**
   * Reports a finding about a secret written in the value at {@code origin}: every output masks the
   * secret's text (the message must not quote it).
   *
   * @param secret the secret as the value holds it (quoting undone); masked at its last occurrence in the value,
   *     where it is written ({@link TextWithin}), or the whole value when the value does not hold it as is
   */
  default void reportSecret(Origin origin, String secret, String service, String message) {
    reportSecret(origin, TextWithin.lastOf(load(), origin.at(), secret), service, message);
  }

  /**
   * Reports a finding about a secret the rule placed itself: every output masks the text at {@code secret}.
   *
   * @param secret where the secret is written, within the value at {@code origin}
   */
  void reportSecret(Origin origin, SourceRange secret, String service, String message);
}
