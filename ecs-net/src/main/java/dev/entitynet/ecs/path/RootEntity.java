package dev.entitynet.ecs.path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity a multiplayer's root path names, resolved again only when the cached entity's
 * {@link EntityPaths#serial} says its path changed. Any path may name an entity created later
 * (names only exclude '/', and empty segments are skipped), so a missing root is not an error at
 * construction: it is logged as a warning when first found missing (again after each time it
 * resolved in between), and calls report it until it resolves.
 */
public final class RootEntity {
    /** What {@link #resolve} returns while the root path names no entity. */
    public static final int UNRESOLVED = -2;
    private static final Logger LOG = LoggerFactory.getLogger(RootEntity.class);

    private final EntityPaths paths;
    private final String path;
    private int cached = EntityPaths.NO_PARENT;
    private int cachedSerial = -1;
    private boolean missingReported;

    /** The root named by {@code rootPath} ("" = the World's top level; leading and trailing slashes are ignored). */
    public RootEntity(EntityPaths paths, String rootPath) {
        this.paths = paths;
        this.path = normalise(rootPath);
    }

    /** The root path without leading or trailing slashes. */
    public String path() {
        return path;
    }

    /** The root entity: {@link EntityPaths#NO_PARENT} for the top level, {@link #UNRESOLVED} while the path names nothing. */
    public int resolve() {
        if (path.isEmpty()) {
            return EntityPaths.NO_PARENT;
        }
        if (cached >= 0 && paths.serial(cached) == cachedSerial) {
            return cached;
        }
        int root = paths.resolve(path);
        if (root < 0) {
            if (!missingReported) {
                missingReported = true;
                LOG.warn("root path '{}' names no entity: calls return NO_ROOT and packets for entity paths are dropped"
                        + " until an entity has that path (EntityPaths.setName)", path);
            }
            return UNRESOLVED;
        }
        missingReported = false;
        cached = root;
        cachedSerial = paths.serial(root);
        return root;
    }

    private static String normalise(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
