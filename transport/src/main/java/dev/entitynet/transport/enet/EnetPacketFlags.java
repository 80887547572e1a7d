package dev.entitynet.transport.enet;

/** ENet's packet flags (enet.h values), for {@link EnetEngine#send} and as reported on receive. */
public final class EnetPacketFlags {
    /** Delivered exactly once and in order on its channel (SEND_RELIABLE / SEND_FRAGMENT). */
    public static final int RELIABLE = 1;
    /** Delivered at most once, in any order (SEND_UNSEQUENCED); ignored when RELIABLE is set. */
    public static final int UNSEQUENCED = 2;
    /** A large unreliable packet is sent as unreliable fragments instead of reliable ones. */
    public static final int UNRELIABLE_FRAGMENT = 8;

    private EnetPacketFlags() {
    }
}
