package dev.entitynet.examples.arena;

import dev.entitynet.transport.PeerIds;
import it.unimi.dsi.fastutil.ints.IntList;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares clients' replicas with the server's state, in one process: for every spawned entity
 * and every client, the server's spawn bookkeeping must agree with interest management (spawned
 * exactly when the entity's cell is entered, or kept and spawned already), a visible entity must
 * have a replica with the server's values, and an invisible one must have none.
 */
final class ConvergenceCheck {
    private final List<String> divergences = new ArrayList<>();
    private int checked;

    /** Checks {@code bot} against {@code server}. */
    ConvergenceCheck compare(ArenaServer server, ArenaBot bot) {
        IntList entities = server.spawned();
        int visible = 0;
        int peer = bot.id();
        for (int i = 0; i < entities.size(); i++) {
            int e = entities.getInt(i);
            int netId = server.scene.netIdOf(e);
            boolean shown = server.scene.replication.isVisibleTo(e, peer);
            boolean near = server.interest.admits(e, peer, shown);
            int replica = bot.scene.replication.directory().entity(PeerIds.SERVER, netId);
            Body s = server.scene.bodies.get(e);
            checked++;
            if (shown != near) {
                divergences.add("client " + peer + ", net id " + netId + ": spawned there=" + shown + " but interest management says " + near);
            }
            if (!shown) {
                if (replica >= 0) {
                    divergences.add("client " + peer + ", net id " + netId + ": has a replica of an entity it cannot see");
                }
                continue;
            }
            visible++;
            if (replica < 0) {
                divergences.add("client " + peer + ", net id " + netId + ": visible but no replica");
                continue;
            }
            Body c = bot.scene.bodies.get(replica);
            if (c == null || c.x != s.x || c.y != s.y || bot.scene.ownerOf(replica) != server.scene.ownerOf(e)) {
                divergences.add("client " + peer + ", net id " + netId + ": server (" + s.x + ", " + s.y + ", owner " + server.scene.ownerOf(e)
                        + ") but replica " + (c == null ? "without a body" : "(" + c.x + ", " + c.y + ", owner " + bot.scene.ownerOf(replica) + ")"));
            }
        }
        if (bot.replicaCount() != visible) {
            divergences.add("client " + peer + ": holds " + bot.replicaCount() + " replicas but sees " + visible + " entities");
        }
        return this;
    }

    /** Whether nothing diverged. */
    boolean converged() {
        return divergences.isEmpty();
    }

    /** What diverged, one line each. */
    List<String> divergences() {
        return divergences;
    }

    /** (entity, client) pairs checked. */
    int checked() {
        return checked;
    }
}
