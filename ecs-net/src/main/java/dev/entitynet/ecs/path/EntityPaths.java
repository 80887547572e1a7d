package dev.entitynet.ecs.path;

import com.artemis.Aspect;
import com.artemis.BaseSystem;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.utils.IntBag;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;

/**
 * The world's index of entity paths: parent -> (name -> child), kept current by {@link #setName}
 * and by an artemis subscription on {@link NetName} (never by scanning). One per World; register
 * it before the multiplayer systems.
 *
 * <p>Paths are chains of names separated by '/', absolute from the top-level entities (those with
 * parent -1); a leading '/' is allowed. Every (re)naming gives the entity and its descendants a new
 * <em>serial</em>, so caches that remember "entity e had serial s" notice renames, reparenting and
 * recycled entity ids with one int compare. Deleting an entity does not delete its children (artemis
 * has no hierarchy): they become detached, with no path, until renamed.
 *
 * <p>Resolving a path allocates (it splits strings); it runs when a path is first announced, not per
 * call: steady-state traffic uses path-cache ids.
 */
public final class EntityPaths extends BaseSystem {
    /** Parent value of a top-level entity. */
    public static final int NO_PARENT = -1;
    /** Stored parent of an entity whose parent was deleted. */
    private static final int DETACHED = -2;

    private ComponentMapper<NetName> names;
    private final Int2ObjectOpenHashMap<Object2IntOpenHashMap<String>> childrenByParent = new Int2ObjectOpenHashMap<>();
    private String[] indexedName = new String[64];
    private int[] indexedParent = new int[64];
    private int[] serials = new int[64];
    private int lastSerial;

    @Override
    protected void initialize() {
        EntitySubscription subscription = world.getAspectSubscriptionManager().get(Aspect.all(NetName.class));
        subscription.addSubscriptionListener(new EntitySubscription.SubscriptionListener() {
            @Override
            public void inserted(IntBag entities) {
                int[] data = entities.getData();
                for (int i = 0, n = entities.size(); i < n; i++) {
                    indexComponent(data[i]);
                }
            }

            @Override
            public void removed(IntBag entities) {
                int[] data = entities.getData();
                for (int i = 0, n = entities.size(); i < n; i++) {
                    unindex(data[i]);
                }
            }
        });
    }

    @Override
    protected boolean checkProcessing() {
        return false;
    }

    @Override
    protected void processSystem() {
    }

    /**
     * Names {@code entity} and places it under {@code parent} (-1 = top level), updating the
     * {@link NetName} component and the index at once.
     *
     * @throws IllegalArgumentException for an empty name, a name with '/', a sibling with the same
     *     name, or a parent that is the entity itself or one of its descendants
     */
    public void setName(int entity, String name, int parent) {
        checkName(name);
        if (parent == entity) {
            throw new IllegalArgumentException("entity " + entity + " cannot be its own parent");
        }
        for (int p = parent; p >= 0; p = parentOf(p)) {
            if (p == entity) {
                throw new IllegalArgumentException("parent " + parent + " is a descendant of entity " + entity + "; that would make a cycle");
            }
        }
        int sibling = child(parent, name);
        if (sibling >= 0 && sibling != entity) {
            throw new IllegalArgumentException("parent " + parent + " already has a child named '" + name + "' (entity " + sibling
                    + "); sibling names must be unique so paths resolve to one entity");
        }
        NetName component = names.create(entity);
        component.name = name;
        component.parent = parent;
        removeFromParent(entity);
        index(entity, name, parent);
    }

    /**
     * Takes {@code entity} out of the path index at once, as its deletion will: artemis deletes only
     * when the running system ends, and until then the name would stay taken, so a new entity could
     * not take it in the same tick. Its children become detached; its {@link NetName} stays until
     * the entity is deleted.
     */
    public void release(int entity) {
        unindex(entity);
    }

    /** The entity at {@code absolutePath}, or -1 when no entity has that path. */
    public int resolve(CharSequence absolutePath) {
        return resolveFrom(NO_PARENT, absolutePath);
    }

    /**
     * The entity at {@code relativePath} below {@code base} ({@code -1} = from the top), or -1.
     * An empty path resolves to {@code base} itself.
     */
    public int resolveFrom(int base, CharSequence relativePath) {
        int current = base;
        int length = relativePath.length();
        int start = 0;
        while (start <= length) {
            int end = start;
            while (end < length && relativePath.charAt(end) != '/') {
                end++;
            }
            if (end > start) {
                current = child(current, relativePath.subSequence(start, end).toString());
                if (current < 0) {
                    return -1;
                }
            }
            start = end + 1;
        }
        return current;
    }

    /** The child of {@code parent} (-1 = top level) named {@code name}, or -1. */
    public int child(int parentEntity, CharSequence name) {
        Object2IntOpenHashMap<String> children = childrenByParent.get(parentEntity);
        if (children == null) {
            return -1;
        }
        return children.getInt(name instanceof String s ? s : name.toString());
    }

    /** The absolute path of {@code entity}, or null when it is not named or is detached. Allocates. */
    public String pathOf(int entity) {
        return pathBelow(entity, NO_PARENT);
    }

    /**
     * The path of {@code entity} relative to {@code ancestor} (-1 = absolute; "" when they are the
     * same entity), or null when {@code entity} is not below {@code ancestor}. Allocates.
     */
    public String pathBelow(int entity, int ancestor) {
        if (entity == ancestor) {
            return "";
        }
        if (serial(entity) == 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        int current = entity;
        while (current != ancestor) {
            if (current < 0 || serial(current) == 0) {
                return null;
            }
            if (path.length() > 0) {
                path.insert(0, '/');
            }
            path.insert(0, indexedName[current]);
            current = indexedParent[current];
        }
        return path.toString();
    }

    /** Whether {@code entity} is {@code ancestor} or below it (-1 = anything with a path). */
    public boolean isWithin(int entity, int ancestor) {
        for (int current = entity; current >= 0 && serial(current) != 0; current = indexedParent[current]) {
            if (current == ancestor) {
                return true;
            }
            if (indexedParent[current] == NO_PARENT) {
                return ancestor == NO_PARENT;
            }
        }
        return false;
    }

    /** The indexed parent of {@code entity}: -1 when top level, not named or detached. */
    public int parentOf(int entity) {
        if (serial(entity) == 0) {
            return NO_PARENT;
        }
        int parent = indexedParent[entity];
        return parent == DETACHED ? NO_PARENT : parent;
    }

    /** The indexed name of {@code entity}, or null. */
    public String nameOf(int entity) {
        return serial(entity) == 0 ? null : indexedName[entity];
    }

    /**
     * The entity's current serial: changes whenever its path changes or its id is reused; 0 when it
     * has no path.
     */
    public int serial(int entity) {
        return entity >= 0 && entity < serials.length ? serials[entity] : 0;
    }

    /** Adds the direct children of {@code entity} to {@code out}. Allocates an iterator; not for hot paths. */
    public void childrenOf(int entity, IntArrayList out) {
        Object2IntOpenHashMap<String> children = childrenByParent.get(entity);
        if (children != null) {
            out.addAll(children.values());
        }
    }

    private void indexComponent(int entity) {
        NetName component = names.get(entity);
        if (component == null || component.name == null) {
            return;
        }
        if (serial(entity) != 0 && component.name.equals(indexedName[entity]) && component.parent == indexedParent[entity]) {
            return;
        }
        removeFromParent(entity);
        if (isValidName(component.name) && child(component.parent, component.name) < 0) {
            index(entity, component.name, component.parent);
        }
    }

    private void index(int entity, String name, int parent) {
        ensureCapacity(entity);
        childrenByParent.computeIfAbsent(parent, p -> newChildMap()).put(name, entity);
        indexedName[entity] = name;
        indexedParent[entity] = parent;
        renumber(entity);
    }

    /** Takes {@code entity} out of its parent's name map; its own children stay with it. */
    private void removeFromParent(int entity) {
        if (serial(entity) == 0) {
            return;
        }
        Object2IntOpenHashMap<String> siblings = childrenByParent.get(indexedParent[entity]);
        if (siblings != null && siblings.getInt(indexedName[entity]) == entity) {
            siblings.removeInt(indexedName[entity]);
            if (siblings.isEmpty()) {
                childrenByParent.remove(indexedParent[entity]);
            }
        }
        serials[entity] = 0;
        indexedName[entity] = null;
    }

    /** Forgets a deleted (or unnamed) entity; its children become detached. */
    private void unindex(int entity) {
        if (serial(entity) == 0) {
            return;
        }
        removeFromParent(entity);
        Object2IntOpenHashMap<String> children = childrenByParent.remove(entity);
        if (children != null) {
            for (Object2IntMap.Entry<String> child : children.object2IntEntrySet()) {
                int c = child.getIntValue();
                indexedParent[c] = DETACHED;
                renumber(c);
            }
        }
    }

    /** New serials for {@code entity} and everything below it: their paths changed. */
    private void renumber(int entity) {
        serials[entity] = ++lastSerial;
        Object2IntOpenHashMap<String> children = childrenByParent.get(entity);
        if (children != null) {
            for (Object2IntMap.Entry<String> child : children.object2IntEntrySet()) {
                renumber(child.getIntValue());
            }
        }
    }

    private void ensureCapacity(int entity) {
        if (entity >= serials.length) {
            int size = Math.max(entity + 1, serials.length * 2);
            indexedName = Arrays.copyOf(indexedName, size);
            indexedParent = Arrays.copyOf(indexedParent, size);
            serials = Arrays.copyOf(serials, size);
        }
    }

    private static Object2IntOpenHashMap<String> newChildMap() {
        Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>();
        map.defaultReturnValue(-1);
        return map;
    }

    private static boolean isValidName(String name) {
        return name != null && !name.isEmpty() && name.indexOf('/') < 0;
    }

    private static void checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("entity name '" + name + "' is invalid: use a non-empty name without '/'");
        }
    }
}
