package dev.lashing.fix;

import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import java.util.List;

/**
 * One change of a fix, located: at a written node that may be shared through an anchor ({@code shared}, used
 * by the place {@code user} of the merged model), with the edits that write it there ({@code direct}) and the
 * fallback that writes it in the using service alone ({@code local}, or null). {@code signature} tells the same
 * change asked by several places.
 */
record Resolved(Written shared, String user, Object signature, Producer direct, Producer local) {

  /** The edits of a change, made when the plan decides where it goes. */
  interface Producer {
    List<Op> get() throws Unwritable;
  }

  /** A change with one place to go. */
  static Resolved only(Producer direct) {
    return new Resolved(null, null, null, direct, null);
  }
}
