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
    List<Node> walked = null; // a copy, made at the first item that changes
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      Node value = walk.apply(item);
      if (value != item && walked == null) {
        walked = new ArrayList<>(items.subList(0, i));
      }
      if (walked != null && value != null) {
        walked.add(value);
      }
    }
    return walked == null ? this : withItems(walked);
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
