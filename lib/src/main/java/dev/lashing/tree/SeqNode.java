package dev.lashing.tree;

import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Origin origin, MergeTag tag) implements Node {

  public SeqNode {
    items = List.copyOf(items);
  }

  public static SeqNode of(List<Node> items, Origin origin) {
    return new SeqNode(items, origin, MergeTag.NONE);
  }

  public int size() {
    return items.size();
  }

  public Node get(int index) {
    return items.get(index);
  }

  public SeqNode withItems(List<Node> newItems) {
    return new SeqNode(newItems, origin, tag);
  }

  /** As {@link MapNode#withValuesWalked}: each item replaced by what {@code walk} gives, left out for null. */
  public SeqNode withItemsWalked(UnaryOperator<Node> walk) {
    List<Node> walked = new ArrayList<>(items.size());
    boolean changed = false;
    for (Node item : items) {
      Node value = walk.apply(item);
      changed |= value != item;
      if (value != null) {
        walked.add(value);
      }
    }
    return changed ? withItems(walked) : this;
  }

  public SeqNode plus(Node item) {
    List<Node> more = new ArrayList<>(items);
    more.add(item);
    return withItems(more);
  }

  @Override
  public SeqNode withOrigin(Origin newOrigin) {
    return new SeqNode(items, newOrigin, tag);
  }

  @Override
  public SeqNode withTag(MergeTag newTag) {
    return new SeqNode(items, origin, newTag);
  }

  @Override
  public String kindName() {
    return "sequence";
  }
}
