package dev.lashing.model;

import dev.lashing.source.Origin;

/** An {@code env_file} entry; {@code required} absent means Compose's default, true. */
public record EnvFile(Located<String> path, Located<Boolean> required, Located<String> format, Origin origin) {

  public boolean isRequired() {
    return required == null || required.value();
  }
}
