package dev.entitynet.replication.interest;

import com.artemis.Component;
import com.artemis.ComponentMapper;
import dev.entitynet.replication.codec.Accessors.FloatGetter;

/**
 * Where a replicated entity is, for interest management. Called on the World's thread for every
 * placed entity once per tick with {@code ChangeTracking.COMPARE_ALL} (only for entities marked
 * dirty with {@code MARKED}), and for every viewpoint's anchor once per tick, so keep it cheap and
 * allocation-free.
 */
@FunctionalInterface
public interface Locator {
    /**
     * Writes {@code entity}'s position into {@code out} and returns true; returns false when the
     * entity has no position. A spawn without a position when it is first placed is not managed by
     * interest (every peer is a candidate, as without interest management); one that loses its
     * position later keeps its last cell.
     */
    boolean locate(int entity, Position out);

    /** A locator reading x and y of component {@code C} (2D). */
    static <C extends Component> Locator plane(ComponentMapper<C> mapper, FloatGetter<C> x, FloatGetter<C> y) {
        return (entity, out) -> {
            C c = mapper.get(entity);
            if (c == null) {
                return false;
            }
            out.set(x.get(c), y.get(c));
            return true;
        };
    }

    /** A locator reading x, y and z of component {@code C} (3D). */
    static <C extends Component> Locator space(ComponentMapper<C> mapper, FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z) {
        return (entity, out) -> {
            C c = mapper.get(entity);
            if (c == null) {
                return false;
            }
            out.set(x.get(c), y.get(c), z.get(c));
            return true;
        };
    }
}
