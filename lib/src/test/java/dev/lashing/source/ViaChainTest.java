package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViaChainTest {
  @Test
  void searchesFromTheEndFindWhatAWalkOfAPlainListFinds() {
    Random random = new Random(8);
    Via.Kind[] kinds = Via.Kind.values();
    for (int round = 0; round < 200; round++) {
      List<Via> uses = new ArrayList<>();
      ViaChain chain = ViaChain.of(List.of());
      for (int i = 0; i < 30; i++) {
        // runs of one kind, as a chain of includes makes
        Via.Kind kind = random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length)]
            : uses.isEmpty() ? kinds[0] : uses.get(uses.size() - 1).kind();
        Via use = new Via(kind, SourceRange.synthetic("f" + i));
        uses.add(use);
        chain = chain.plus(use);
        for (Via.Kind other : kinds) {
          Set<Via.Kind> others = EnumSet.complementOf(EnumSet.of(other));
          assertThat(ViaChain.lastOf(chain, others)).isSameAs(lastOf(uses, others));
          assertThat(ViaChain.lastOf(chain, EnumSet.of(other))).isSameAs(lastOf(uses, EnumSet.of(other)));
          Set<Via.Kind> two = EnumSet.of(other, kinds[random.nextInt(kinds.length)]);
          assertThat(Origin.of(SourceRange.synthetic("value"), chain).lastUse(two)).isSameAs(lastOf(uses, two));
        }
      }
    }
  }

  private static Via lastOf(List<Via> uses, Set<Via.Kind> kinds) {
    Via found = null;
    for (Via use : uses) {
      if (kinds.contains(use.kind())) {
        found = use;
      }
    }
    return found;
  }

  @Test
  void aUseAddedToASubtreeSharesOneChainAmongNodesThatSharedOneBefore() {
    SourceRange merge = SourceRange.synthetic("merge");
    Origin first = Origin.at(SourceRange.synthetic("a"));
    Origin second = Origin.at(SourceRange.synthetic("b"));
    Origin.Uses uses = new Origin.Uses(Via.Kind.MERGE_KEY, merge);
    Origin firstMoved = uses.added(first);
    Origin secondMoved = uses.added(second);
    assertThat(secondMoved.via()).isSameAs(firstMoved.via());
    assertThat(firstMoved).isEqualTo(first.plus(Via.Kind.MERGE_KEY, merge));
    assertThat(secondMoved.at()).isEqualTo(second.at());
    Origin aliased = first.plus(Via.Kind.ALIAS, SourceRange.synthetic("alias"));
    assertThat(uses.added(aliased).via()).isNotSameAs(firstMoved.via())
        .isEqualTo(List.of(aliased.via().get(0), new Via(Via.Kind.MERGE_KEY, merge)));
  }
}
