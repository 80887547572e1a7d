package dev.entitynet.replication.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellMembersTest {
    private static final long SEED = 9001L;

    @Test
    void membershipFollowsInsertsMovesAndRemovals() {
        System.out.println("CellMembersTest seed " + SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        int cells = 16;
        CellMembers members = new CellMembers(cells);
        int[] model = new int[300];
        java.util.Arrays.fill(model, -1);
        for (int op = 0; op < 20_000; op++) {
            int entity = random.nextInt(model.length);
            int cell = random.nextInt(cells);
            if (model[entity] < 0) {
                members.insert(entity, cell);
                model[entity] = cell;
            } else if (random.nextInt(4) == 0) {
                members.remove(entity);
                model[entity] = -1;
            } else {
                members.move(entity, cell);
                model[entity] = cell;
            }
        }
        int placed = 0;
        for (int entity = 0; entity < model.length; entity++) {
            assertEquals(model[entity], members.cellOf(entity), "seed " + SEED);
            placed += model[entity] >= 0 ? 1 : 0;
        }
        assertEquals(placed, members.placedCount());
        for (int cell = 0; cell < cells; cell++) {
            IntOpenHashSet listed = new IntOpenHashSet();
            for (int e = members.first(cell); e >= 0; e = members.next(e)) {
                listed.add(e);
            }
            IntOpenHashSet expected = new IntOpenHashSet();
            for (int entity = 0; entity < model.length; entity++) {
                if (model[entity] == cell) {
                    expected.add(entity);
                }
            }
            assertEquals(expected, listed, "seed " + SEED + ": cell " + cell);
        }
    }
}
