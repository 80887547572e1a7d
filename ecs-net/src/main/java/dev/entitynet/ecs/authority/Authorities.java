package dev.entitynet.ecs.authority;

import com.artemis.BaseSystem;
import com.artemis.ComponentMapper;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.transport.PeerIds;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Multiplayer authority per entity, Godot's rules: an entity without an {@link Authority}
 * component inherits it from the nearest ancestor (through {@link EntityPaths}) that has one, else
 * the server (1). One per World, registered after {@link EntityPaths}.
 */
public final class Authorities extends BaseSystem {
    private ComponentMapper<Authority> authorities;
    private EntityPaths paths;

    @Override
    protected boolean checkProcessing() {
        return false;
    }

    @Override
    protected void processSystem() {
    }

    /** The authority of {@code entity}: its own, else its nearest ancestor's, else 1. Allocation-free. */
    public int authorityOf(int entity) {
        for (int current = entity; current >= 0; current = paths.parentOf(current)) {
            Authority authority = authorities.get(current);
            if (authority != null) {
                return authority.peerId;
            }
        }
        return PeerIds.SERVER;
    }

    /**
     * Sets the authority of {@code entity}; with {@code recursive} also of every current descendant
     * (Godot's {@code set_multiplayer_authority(id, recursive)}). Entities added later below it
     * inherit it anyway.
     *
     * @throws IllegalArgumentException when {@code peerId} is not a valid peer id (at least 1)
     */
    public void setAuthority(int entity, int peerId, boolean recursive) {
        if (peerId < 1) {
            throw new IllegalArgumentException("authority must be a peer id (1 = server, clients >= 2), got " + peerId);
        }
        authorities.create(entity).peerId = peerId;
        if (recursive) {
            IntArrayList pending = new IntArrayList();
            paths.childrenOf(entity, pending);
            while (!pending.isEmpty()) {
                int child = pending.popInt();
                authorities.create(child).peerId = peerId;
                paths.childrenOf(child, pending);
            }
        }
    }

    /** Whether {@code peerId} is the authority of {@code entity}. */
    public boolean isAuthority(int entity, int peerId) {
        return authorityOf(entity) == peerId;
    }
}
