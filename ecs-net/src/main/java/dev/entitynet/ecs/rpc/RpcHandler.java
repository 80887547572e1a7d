package dev.entitynet.ecs.rpc;

/**
 * Runs an RPC on the receiving side (and locally for call_local). Inside it,
 * {@code multiplayer.remoteSenderId()} is {@code senderId}. The reader is valid only during the
 * call and must be read in the declared order.
 */
@FunctionalInterface
public interface RpcHandler {
    /** {@code entity} is the local entity the call addresses. */
    void onCall(int entity, int senderId, RpcReader args);
}
