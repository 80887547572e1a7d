package dev.entitynet.ecs.path;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityPathsTest {
    private final World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
    private final EntityPaths paths = world.getSystem(EntityPaths.class);

    @Test
    void resolvesChainsOfNamesAndPrintsThemBack() {
        int level = named("Level", -1);
        int players = named("Players", level);
        int bob = named("Bob", players);
        assertEquals(bob, paths.resolve("Level/Players/Bob"));
        assertEquals(bob, paths.resolve("/Level/Players/Bob"));
        assertEquals(bob, paths.resolveFrom(level, "Players/Bob"));
        assertEquals(level, paths.resolveFrom(level, ""));
        assertEquals(-1, paths.resolve("Level/Nobody"));
        assertEquals("Level/Players/Bob", paths.pathOf(bob));
        assertEquals("Players/Bob", paths.pathBelow(bob, level));
        assertNull(paths.pathBelow(level, bob));
        assertTrue(paths.isWithin(bob, level));
        assertTrue(paths.isWithin(bob, -1));
        assertEquals(players, paths.child(level, "Players"));
    }

    @Test
    void aReleasedNameIsFreeBeforeArtemisDeletesTheEntity() {
        int level = named("Level", -1);
        int old = named("Ball", level);
        int child = named("Light", old);
        paths.release(old);
        world.delete(old);
        assertEquals(-1, paths.resolve("Level/Ball"), "no longer resolves, though artemis has not deleted it yet");
        int fresh = named("Ball", level);
        assertEquals(fresh, paths.resolve("Level/Ball"));
        assertEquals(-1, paths.resolve("Level/Ball/Light"), "children of the released entity are detached");
        world.process();
        assertEquals(fresh, paths.resolve("Level/Ball"), "the deletion does not disturb the new owner of the name");
        assertTrue(child >= 0);
    }

    @Test
    void renamingGivesTheEntityAndItsDescendantsNewSerials() {
        int level = named("Level", -1);
        int bob = named("Bob", level);
        int levelSerial = paths.serial(level);
        int bobSerial = paths.serial(bob);
        paths.setName(level, "World", -1);
        assertNotEquals(levelSerial, paths.serial(level));
        assertNotEquals(bobSerial, paths.serial(bob));
        assertEquals(bob, paths.resolve("World/Bob"));
        assertEquals(-1, paths.resolve("Level/Bob"));
    }

    @Test
    void refusesDuplicateSiblingsCyclesAndBadNames() {
        int level = named("Level", -1);
        int bob = named("Bob", level);
        int other = world.create();
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> paths.setName(other, "Bob", level));
        assertTrue(duplicate.getMessage().contains("already has a child named 'Bob'"), duplicate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> paths.setName(level, "Level", bob));
        assertThrows(IllegalArgumentException.class, () -> paths.setName(other, "a/b", -1));
        assertThrows(IllegalArgumentException.class, () -> paths.setName(other, "", -1));
    }

    @Test
    void followsComponentsAddedAndEntitiesDeletedThroughArtemis() {
        int level = named("Level", -1);
        int direct = world.create();
        NetName name = world.edit(direct).create(NetName.class);
        name.name = "Direct";
        name.parent = level;
        world.process();
        assertEquals(direct, paths.resolve("Level/Direct"));

        int child = named("Child", direct);
        int childSerial = paths.serial(child);
        world.delete(direct);
        world.process();
        assertEquals(-1, paths.resolve("Level/Direct"));
        assertEquals(0, paths.serial(direct));
        assertNull(paths.pathOf(child), "children of a deleted entity are detached");
        assertNotEquals(childSerial, paths.serial(child));
    }

    @Test
    void aRecycledEntityIdHasANewSerial() {
        int level = named("Level", -1);
        int bob = named("Bob", level);
        int serial = paths.serial(bob);
        world.delete(bob);
        world.process();
        int reused = world.create();
        assertEquals(bob, reused, "artemis recycles ids");
        paths.setName(reused, "Alice", level);
        assertNotEquals(serial, paths.serial(reused));
    }

    private int named(String name, int parent) {
        int e = world.create();
        paths.setName(e, name, parent);
        return e;
    }
}
