package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /**
   * The origins of the scalars the words are written in, in order, each once: the words of a string command come
   * one after another from its one scalar, and what is read from that scalar is read once, not once per word.
   */
  public List<Origin> scalars() {
    List<Origin> scalars = new ArrayList<>();
    for (Located<String> word : words) {
      if (scalars.isEmpty() || !Objects.equals(word.origin(), scalars.get(scalars.size() - 1))) {
        scalars.add(word.origin());
      }
    }
    return scalars;
  }
}
