package dev.entitynet.ecs.signal;

/** A client-side signal without arguments: connected_to_server, connection_failed, server_disconnected. */
@FunctionalInterface
public interface ClientEventListener {
    /** The event happened. */
    void onEvent();
}
