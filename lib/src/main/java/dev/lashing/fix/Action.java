package dev.lashing.fix;

/** What a change does at the end of its path, below a written node. */
sealed interface Action permits Action.SetTo, Action.AppendItem, Action.RemoveIt {
  /** Set the value there, creating the mappings on the way. */
  record SetTo(Object value) implements Action {}

  /** Add an item to the list there, creating it when absent. */
  record AppendItem(Object item) implements Action {}

  /** Remove what is there. */
  record RemoveIt() implements Action {}
}
