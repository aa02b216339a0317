package dev.lashing.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapNodeTest {
  private static final Origin HERE = Origin.at(SourceRange.synthetic("test"));

  private static MapNode.Entry entry(String key) {
    return new MapNode.Entry(ScalarNode.string(key, HERE), ScalarNode.string("value of " + key, HERE));
  }

  private static MapNode mapping(int size) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      entries.add(entry("k" + i));
    }
    return MapNode.of(entries, HERE);
  }

  @Test
  void withAllIsWithForEachEntryInTurn() {
    Origin other = Origin.at(SourceRange.synthetic("other"));
    MapNode base = mapping(3);
    List<MapNode.Entry> more = List.of(
        new MapNode.Entry(ScalarNode.string("k1", other), ScalarNode.string("new k1", other)),
        new MapNode.Entry(ScalarNode.string("x", other), ScalarNode.string("x1", other)),
        new MapNode.Entry(ScalarNode.string("x", other), ScalarNode.string("x2", other)));

    MapNode one = base;
    for (MapNode.Entry e : more) {
      one = one.with(e.key(), e.value());
    }
    MapNode all = base.withAll(more);

    assertThat(all.entries()).isEqualTo(one.entries());
    assertThat(all.keys()).containsExactly("k0", "k1", "k2", "x");
    assertThat(all.entry("k1").key().origin()).as("the first key node is kept").isEqualTo(HERE);
    assertThat(((ScalarNode) all.get("x")).value()).isEqualTo("x2");
    assertThat(base.withAll(List.of())).isSameAs(base);
  }

  @Test
  void aSmallMappingFindsEachOfItsKeysAndNoOther() {
    for (int size = 0; size < KeyPositions.WORTH_FROM; size++) {
      MapNode small = mapping(size);
      for (int i = 0; i < 2_000; i++) {
        assertThat(small.has("k" + i)).as("k%d in a mapping of %d", i, size).isEqualTo(i < size);
      }
    }
    // "Aa" and "BB" share a hash code: the text decides
    MapNode tied = MapNode.of(List.of(entry("Aa")), HERE);
    assertThat(tied.has("Aa")).isTrue();
    assertThat(tied.has("BB")).isFalse();
    assertThat(tied.with("BB", ScalarNode.string("b", HERE)).keys()).containsExactly("Aa", "BB");
    assertThat(mapping(3).withAppended(List.of(entry("x"))).has("x")).isTrue();
  }

  @Test
  void aMappingExtendedTwiceKeepsEachVersionAsItWas() {
    MapNode base = mapping(20);
    MapNode first = base.withAppended(List.of(entry("a")));
    MapNode second = base.withAppended(List.of(entry("b"), entry("c")));
    MapNode longer = first.withAppended(List.of(entry("d")));

    assertThat(base.keys()).hasSize(20).doesNotContain("a", "b", "c", "d");
    assertThat(base.get("a")).isNull();
    assertThat(first.keys()).endsWith("k19", "a");
    assertThat(first.has("a")).isTrue();
    assertThat(first.has("b")).isFalse();
    assertThat(first.has("d")).isFalse();
    assertThat(second.keys()).endsWith("k19", "b", "c");
    assertThat(second.has("a")).isFalse();
    assertThat(second.get("c")).isEqualTo(ScalarNode.string("value of c", HERE));
    assertThat(longer.keys()).endsWith("a", "d");
    assertThat(longer.get("k3")).isEqualTo(ScalarNode.string("value of k3", HERE));
  }

  @Test
  void onlyTheFirstExtensionSharesItsEntries() {
    MapNode base = mapping(20);
    MapNode first = base.withAppended(List.of(entry("a")));
    MapNode second = base.withAppended(List.of(entry("b")));
    assertThat(first.extendsEntriesOf(base)).isTrue();
    assertThat(second.extendsEntriesOf(base)).isFalse();
    assertThat(first.withAppended(List.of(entry("c"))).extendsEntriesOf(base)).isTrue();
    assertThat(base.extendsEntriesOf(first)).isFalse();
  }

  @Test
  void aSmallMappingGrowsIntoAnIndexedOne() {
    MapNode small = mapping(3);
    List<MapNode.Entry> more = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      more.add(entry("m" + i));
    }
    MapNode grown = small.withAppended(more);
    assertThat(grown.size()).isEqualTo(33);
    assertThat(grown.get("m29")).isNotNull();
    assertThat(grown.get("k2")).isNotNull();
    assertThat(small.get("m0")).isNull();
    assertThat(grown.withAppended(List.of(entry("z"))).extendsEntriesOf(grown)).isTrue();
  }
}
