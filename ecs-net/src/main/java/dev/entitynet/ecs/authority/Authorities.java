package dev.entitynet.ecs.authority;

import com.artemis.BaseSystem;
import com.artemis.ComponentMapper;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.transport.PeerIds;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Multiplayer authority per entity, Godot's rules: each entity has its own authority, 1 (the
 * server) until set. Nothing is inherited when it is read: Godot's {@code Node} keeps one
 * {@code data.multiplayer_authority} per node (default 1) and {@code get_multiplayer_authority()}
 * returns it as is (scene/main/node.cpp); only {@code set_multiplayer_authority(id, true)} copies the
 * id down to the children that exist at that moment. One per World, registered after {@link EntityPaths}.
 */
public final class Authorities extends BaseSystem {
    private final IntArrayList subtree = new IntArrayList();
    private ComponentMapper<Authority> authorities;
    private EntityPaths paths;

    @Override
    protected boolean checkProcessing() {
        return false;
    }

    @Override
    protected void processSystem() {
    }

    /** The authority of {@code entity}: the id last set on it, else 1. Allocation-free. */
    public int authorityOf(int entity) {
        Authority authority = authorities.get(entity);
        return authority != null ? authority.peerId : PeerIds.SERVER;
    }

    /**
     * Godot's {@code set_multiplayer_authority(id, recursive)}: sets the authority of {@code entity};
     * with {@code recursive} also of every descendant it has now. Without it the children keep the
     * authority they have. Entities added below it later start at 1, as new nodes do in Godot.
     *
     * @throws IllegalArgumentException when {@code peerId} is not a valid peer id (at least 1)
     */
    public void setAuthority(int entity, int peerId, boolean recursive) {
        if (peerId < 1) {
            throw new IllegalArgumentException("authority must be a peer id (1 = server, clients >= 2), got " + peerId);
        }
        authorities.create(entity).peerId = peerId;
        if (!recursive) {
            return;
        }
        subtree.clear();
        paths.childrenOf(entity, subtree);
        while (!subtree.isEmpty()) {
            int child = subtree.popInt();
            authorities.create(child).peerId = peerId;
            paths.childrenOf(child, subtree);
        }
    }

    /** Whether {@code peerId} is the authority of {@code entity}. */
    public boolean isAuthority(int entity, int peerId) {
        return authorityOf(entity) == peerId;
    }
}
