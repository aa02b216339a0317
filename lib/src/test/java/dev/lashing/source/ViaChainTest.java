package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViaChainTest {
  @Test
  void lastOtherThanFindsWhatAWalkFromTheEndFinds() {
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
          assertThat(ViaChain.lastOtherThan(chain, other)).isSameAs(ViaChain.lastOtherThan(List.copyOf(uses), other));
        }
      }
    }
  }
}
