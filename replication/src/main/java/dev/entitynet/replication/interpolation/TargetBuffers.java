package dev.entitynet.replication.interpolation;

import com.artemis.Aspect;
import com.artemis.Component;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription.SubscriptionListener;
import com.artemis.World;
import com.artemis.utils.IntBag;
import dev.entitynet.replication.quantize.Blend;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * One interpolation target of {@link Interpolation}: the buffers of the entities that receive it,
 * a pool of spare buffers, and the render component it writes. An entity's buffer goes back to the
 * pool when the entity is removed, deleted, or loses its render component.
 */
final class TargetBuffers<R extends Component> implements SubscriptionListener {
    private final Blend blend;
    private final int dimensions;
    private final Class<R> renderComponent;
    private final FloatsSetter<R> setter;
    private final float[] sampled;
    /** Entities with a buffer, in the same order as {@link #buffers}. */
    private final IntArrayList entities = new IntArrayList();
    private final ObjectArrayList<InterpolationBuffer> buffers = new ObjectArrayList<>();
    private final ObjectArrayList<InterpolationBuffer> pool = new ObjectArrayList<>();
    /** Per entity id: index in {@link #entities} plus one; 0 = no buffer. */
    private int[] indexByEntity = new int[64];
    private ComponentMapper<R> mapper;

    TargetBuffers(Blend blend, int dimensions, Class<R> renderComponent, FloatsSetter<R> setter) {
        this.blend = blend;
        this.dimensions = dimensions;
        this.renderComponent = renderComponent;
        this.setter = setter;
        this.sampled = new float[dimensions];
    }

    /** Resolves the render component's mapper and follows its removals; once. */
    void bind(World world) {
        if (mapper != null) {
            return;
        }
        mapper = world.getMapper(renderComponent);
        world.getAspectSubscriptionManager().get(Aspect.all(renderComponent)).addSubscriptionListener(this);
    }

    /** Stores a received sample in the entity's buffer, creating the buffer and render component if missing. */
    void received(int entity, long serverTick, float[] values, int offset, boolean teleport) {
        int index = entity < indexByEntity.length ? indexByEntity[entity] - 1 : -1;
        InterpolationBuffer buffer;
        if (index >= 0) {
            buffer = buffers.get(index);
        } else {
            buffer = pool.isEmpty() ? new InterpolationBuffer(dimensions, Interpolation.BUFFER_CAPACITY) : pool.pop();
            mapper.create(entity);
            if (entity >= indexByEntity.length) {
                indexByEntity = IntArrays.grow(indexByEntity, entity + 1);
            }
            entities.add(entity);
            buffers.add(buffer);
            indexByEntity[entity] = entities.size();
        }
        buffer.add(serverTick, values, offset, teleport);
    }

    /** Returns the entity's buffer, if any, to the pool. */
    void remove(int entity) {
        if (entity >= indexByEntity.length || indexByEntity[entity] == 0) {
            return;
        }
        int index = indexByEntity[entity] - 1;
        indexByEntity[entity] = 0;
        InterpolationBuffer buffer = buffers.get(index);
        buffer.clear();
        pool.push(buffer);
        int last = entities.size() - 1;
        if (index != last) {
            int moved = entities.getInt(last);
            entities.set(index, moved);
            buffers.set(index, buffers.get(last));
            indexByEntity[moved] = index + 1;
        }
        entities.removeInt(last);
        buffers.remove(last);
    }

    /** Writes every buffered entity's value at {@code renderTick} into its render component. */
    void write(double renderTick, float maxExtrapolationTicks, float snapDistance) {
        for (int i = 0; i < entities.size(); i++) {
            if (buffers.get(i).sample(renderTick, blend, maxExtrapolationTicks, snapDistance, sampled, 0)) {
                R component = mapper.get(entities.getInt(i));
                if (component != null) {
                    setter.set(component, sampled, 0);
                }
            }
        }
    }

    @Override
    public void inserted(IntBag added) {
    }

    @Override
    public void removed(IntBag removedEntities) {
        int[] data = removedEntities.getData();
        for (int i = 0, n = removedEntities.size(); i < n; i++) {
            remove(data[i]);
        }
    }
}
