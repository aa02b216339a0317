package dev.lashing.rules.resources;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownHealthcheck;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.RuleContext;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The healthcheck a fix adds for a service whose image the {@link ImageCatalog} knows one for. */
final class KnownHealthchecks {

  /** A test and how long the service may take to start before failures count. */
  record Check(List<String> test, String startPeriod) {

    /** The command the test runs, for people. */
    String command() {
      return String.join(" ", test.subList(1, test.size()));
    }

    /** The {@code healthcheck} mapping a fix writes. */
    Map<String, Object> toCompose() {
      Map<String, Object> healthcheck = new LinkedHashMap<>();
      healthcheck.put("test", test);
      healthcheck.put("interval", KnownHealthcheck.INTERVAL);
      healthcheck.put("timeout", KnownHealthcheck.TIMEOUT);
      healthcheck.put("retries", (long) KnownHealthcheck.RETRIES);
      healthcheck.put("start_period", startPeriod);
      return healthcheck;
    }
  }

  private KnownHealthchecks() {}

  /**
   * The healthcheck for a service whose image is one we know (known images are valid references): a check, or
   * none with the reason when the image's tag does not make sure it ships the tool the check runs; empty for an
   * image Lashing knows no check for.
   */
  static Optional<Choice> forService(RuleContext context, Service service) {
    return context.knownImage(service).flatMap(KnownImage::healthcheckIfKnown).map(known -> {
      KnownHealthcheck.Subject subject = new KnownHealthcheck.Subject(name -> {
        KeyValue value = service.environment().get(name);
        return value == null ? null : value.text();
      }, null, service.image().reference().effectiveTag());
      KnownHealthcheck.Test test = known.test(subject);
      return test.isKnown() ? new Choice(new Check(test.command(), known.startPeriod()), null)
          : new Choice(null, test.unavailable());
    });
  }

  /** A check for a known image, or why there is none for its version. */
  record Choice(Check check, String unavailable) {}
}
