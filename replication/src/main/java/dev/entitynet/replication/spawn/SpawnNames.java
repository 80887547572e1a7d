package dev.entitynet.replication.spawn;

import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.replication.wire.SpawnMessage;

/** The rule for spawned entities' names, the same on the authority and on receivers. */
final class SpawnNames {
    private SpawnNames() {
    }

    /** 1 to {@link SpawnMessage#MAX_NAME_BYTES} UTF-8 bytes, without '/', ':' or '@'. */
    static boolean valid(String name) {
        return name != null && !name.isEmpty() && Utf8.encodedLength(name) <= SpawnMessage.MAX_NAME_BYTES
                && name.indexOf('/') < 0 && name.indexOf(':') < 0 && name.indexOf('@') < 0;
    }

    /**
     * @throws IllegalArgumentException when {@code name} is invalid or taken under {@code parent}
     */
    static void check(EntityPaths paths, int parent, String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("spawn name '" + name + "' must be 1 to " + SpawnMessage.MAX_NAME_BYTES
                    + " UTF-8 bytes without '/', ':' or '@'");
        }
        if (paths.child(parent, name) >= 0) {
            throw new IllegalArgumentException("the spawn parent already has a child named '" + name + "'; pick a unique name");
        }
    }
}
