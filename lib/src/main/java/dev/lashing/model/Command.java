package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;

/**
 * A command already split into words: {@code command}, {@code entrypoint}, a healthcheck test, a hook.
 * An empty command is written {@code []} and clears the image's default, unlike an absent one.
 */
public record Command(List<Located<String>> words, Origin origin) {

  public Command {
    words = Frozen.list(words);
  }

  public List<String> texts() {
    return words.stream().map(Located::value).toList();
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }
}
