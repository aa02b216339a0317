package dev.lashing.fix;

import java.util.Objects;

/**
 * What a change does at the end of its path, below a written node. (Each record's equals and hashCode are written
 * out, not generated at run time: scripts/check-dist.sh says why.)
 */
sealed interface Action permits Action.SetTo, Action.AppendItem, Action.RemoveIt {
  /** Set the value there, creating the mappings on the way. */
  record SetTo(Object value) implements Action {
    @Override
    public boolean equals(Object o) {
      return o instanceof SetTo s && Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(value);
    }
  }

  /** Add an item to the list there, creating it when absent. */
  record AppendItem(Object item) implements Action {
    @Override
    public boolean equals(Object o) {
      return o instanceof AppendItem a && Objects.equals(item, a.item);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(item);
    }
  }

  /** Remove what is there. */
  record RemoveIt() implements Action {
    @Override
    public boolean equals(Object o) {
      return o instanceof RemoveIt;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
