package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Map;

/**
 * A lifecycle hook ({@code post_start}, {@code pre_stop}...) or a watch rule's {@code exec}. Only a
 * {@code pre_start} hook may name its own {@code image} (pulled like any image) and run {@code per_replica};
 * its {@code command} is optional.
 */
public record Hook(
    Command command,
    Image image,
    Located<Boolean> perReplica,
    Located<String> user,
    Located<Boolean> privileged,
    Located<String> workingDir,
    Map<String, KeyValue> environment,
    Origin origin) {

  public Hook {
    environment = Frozen.map(environment);
  }
}
