package dev.entitynet.examples.arena;

/**
 * The arena's fixed rules, the same on server and clients.
 *
 * @param side the arena is a square from 0 to {@code side} on both axes
 * @param viewRadius a client starts seeing an entity in a cell within this of its player's cell
 *     (interest management: so it sees at least everything closer than this to its player)
 * @param viewMargin and stops seeing it in a cell farther than {@code viewRadius + viewMargin}
 * @param cellSize the side of the interest grid's cells
 * @param tickHz simulation and network ticks per second
 * @param moverSpeed top speed of the simulated entities, units per second
 * @param playerSpeed speed of a player steered at full stick, units per second
 */
public record ArenaRules(float side, float viewRadius, float viewMargin, float cellSize, int tickHz, float moverSpeed, float playerSpeed) {
    /** Validates the rules. */
    public ArenaRules {
        if (!(side > 0) || !(viewRadius > 0) || !(viewMargin >= 0) || !(cellSize > 0) || tickHz < 1 || tickHz > 1000
                || !(moverSpeed >= 0) || !(playerSpeed >= 0)) {
            throw new IllegalArgumentException("arena rules need a positive side, view radius and cell size, a non-negative margin,"
                    + " 1..1000 ticks per second and non-negative speeds: " + this);
        }
    }

    /**
     * A 1000 x 1000 arena in cells of 25, seen through a 150-unit radius (40 more to leave it: more
     * than a cell diagonal, so nothing flickers on the edge) at 60 ticks per second.
     */
    public static ArenaRules defaults() {
        return new ArenaRules(1000, 150, 40, 25, 60, 60, 120);
    }

    /** These rules with another view radius. */
    public ArenaRules withViewRadius(float radius) {
        return new ArenaRules(side, radius, viewMargin, cellSize, tickHz, moverSpeed, playerSpeed);
    }

    /** These rules with another tick rate. */
    public ArenaRules withTickHz(int hz) {
        return new ArenaRules(side, viewRadius, viewMargin, cellSize, hz, moverSpeed, playerSpeed);
    }

    /** Seconds per tick. */
    public float tickSeconds() {
        return 1f / tickHz;
    }
}
