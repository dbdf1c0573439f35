package store.traffictacos.capacity.emulator.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rank index")
class RankIndexTest {

    @Test
    @DisplayName("positions equal a plain count of earlier joiners still waiting, across growth")
    void matchesNaiveCount() {
        // Given 5,000 joins (the tree grows several times) and 2,000 random removals
        RankIndex index = new RankIndex();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            waiting.add(index.append());
        }
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            index.remove(waiting.remove(random.nextInt(waiting.size())));
        }

        // Then every remaining user's position is their index in join order
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(index.position(waiting.get(i)))
                    .as("sequence %d", waiting.get(i))
                    .isEqualTo(i + 1);
        }
        assertThat(index.waiting()).isEqualTo(3_000);
    }
}
