package dev.entitynet.ecs.auth;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's {@code auth_callback}: receives the authentication data a pending peer sent with
 * {@code sendAuth}. Decide, then call {@code completeAuth(peerId)} (or {@code disconnectPeer}) on
 * the multiplayer. Setting one makes every new peer pending until both sides completed.
 */
@FunctionalInterface
public interface AuthCallback {
    /** {@code data}'s readable bytes are the payload; valid only during this call. */
    void onAuthData(int peerId, Bytes<?> data);
}
