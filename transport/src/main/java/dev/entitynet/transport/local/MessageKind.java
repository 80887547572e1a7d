package dev.entitynet.transport.local;

/** What a datagram on a {@link LocalHub} carries; stored in {@code Datagram.kind}. */
final class MessageKind {
    static final int DATA = 0;
    static final int CONNECT = 1;
    static final int ACCEPT = 2;
    static final int REFUSE = 3;
    static final int DISCONNECT = 4;

    private MessageKind() {
    }
}
