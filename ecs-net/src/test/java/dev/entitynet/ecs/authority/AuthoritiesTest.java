package dev.entitynet.ecs.authority;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.path.EntityPaths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthoritiesTest {
    private final World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
    private final EntityPaths paths = world.getSystem(EntityPaths.class);
    private final Authorities authorities = world.getSystem(Authorities.class);

    @Test
    void eachEntityHasItsOwnAuthorityAndNothingIsInheritedOnLookup() {
        int level = named("Level", -1);
        int player = named("Player", level);
        int gun = named("Gun", player);
        assertEquals(1, authorities.authorityOf(gun));
        authorities.setAuthority(player, 7, false);
        assertEquals(1, authorities.authorityOf(level));
        assertEquals(7, authorities.authorityOf(player));
        assertEquals(1, authorities.authorityOf(gun), "non-recursive: the child keeps its own authority");
        authorities.setAuthority(gun, 9, false);
        assertEquals(9, authorities.authorityOf(gun));
        assertEquals(7, authorities.authorityOf(player));
    }

    @Test
    void recursiveSetGivesTheWholeSubtreeTheIdAtThatMoment() {
        int level = named("Level", -1);
        int player = named("Player", level);
        int gun = named("Gun", player);
        authorities.setAuthority(gun, 9, false);
        authorities.setAuthority(level, 5, true);
        assertEquals(5, authorities.authorityOf(level));
        assertEquals(5, authorities.authorityOf(player));
        assertEquals(5, authorities.authorityOf(gun), "recursive overrides what the descendants had");
        int later = named("Hat", player);
        assertEquals(1, authorities.authorityOf(later), "a child added afterwards starts at 1, as a new Godot node does");
        authorities.setAuthority(player, 3, false);
        assertEquals(5, authorities.authorityOf(gun), "a later non-recursive set leaves the children alone");
        assertThrows(IllegalArgumentException.class, () -> authorities.setAuthority(level, 0, false));
    }

    private int named(String name, int parent) {
        int e = world.create();
        paths.setName(e, name, parent);
        return e;
    }
}
