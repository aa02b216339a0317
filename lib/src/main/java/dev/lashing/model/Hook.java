package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Map;

/** A lifecycle hook ({@code post_start}, {@code pre_stop}...) or a watch rule's {@code exec}. */
public record Hook(
    Command command,
    Located<String> user,
    Located<Boolean> privileged,
    Located<String> workingDir,
    Map<String, KeyValue> environment,
    Origin origin) {

  public Hook {
    environment = Frozen.map(environment);
  }
}
