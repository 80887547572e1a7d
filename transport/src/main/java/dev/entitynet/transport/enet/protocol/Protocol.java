package dev.entitynet.transport.enet.protocol;

/** ENet 1.3 protocol facts: command numbers, flags, fixed command sizes, windows and default timings. */
public final class Protocol {
    public static final int ACKNOWLEDGE = 1;
    public static final int CONNECT = 2;
    public static final int VERIFY_CONNECT = 3;
    public static final int DISCONNECT = 4;
    public static final int PING = 5;
    public static final int SEND_RELIABLE = 6;
    public static final int SEND_UNRELIABLE = 7;
    public static final int SEND_FRAGMENT = 8;
    public static final int SEND_UNSEQUENCED = 9;
    public static final int BANDWIDTH_LIMIT = 10;
    public static final int THROTTLE_CONFIGURE = 11;
    public static final int SEND_UNRELIABLE_FRAGMENT = 12;
    /** Command numbers are 1..COMMAND_COUNT-1. */
    public static final int COMMAND_COUNT = 13;

    /** Command byte flag: the receiver must acknowledge this command. */
    public static final int FLAG_ACKNOWLEDGE = 0x80;
    /** Command byte flag used by SEND_UNSEQUENCED and the unreliable DISCONNECT. */
    public static final int FLAG_UNSEQUENCED = 0x40;
    public static final int COMMAND_MASK = 0x0F;

    /** Header word flag: a 16-bit sent time follows. */
    public static final int HEADER_FLAG_SENT_TIME = 0x8000;
    /** Header word flag: the commands are compressed (never produced, always dropped). */
    public static final int HEADER_FLAG_COMPRESSED = 0x4000;
    public static final int HEADER_SESSION_MASK = 0x3000;
    public static final int HEADER_SESSION_SHIFT = 12;
    public static final int HEADER_PEER_ID_MASK = 0x0FFF;
    /** Peer id meaning "not known yet"; only datagrams carrying CONNECT use it. */
    public static final int MAXIMUM_PEER_ID = 0xFFF;

    /** Header with sent time; the short header (no sent time) is 2 bytes. */
    public static final int HEADER_SIZE = 4;
    public static final int SHORT_HEADER_SIZE = 2;
    public static final int CHECKSUM_SIZE = 4;
    public static final int COMMAND_HEADER_SIZE = 4;
    /** Largest datagram accepted (ENET_PROTOCOL_MAXIMUM_MTU). */
    public static final int MAXIMUM_DATAGRAM = 4096;
    public static final int MINIMUM_MTU = 576;
    public static final int MAXIMUM_MTU = 4096;
    /** ENET_PROTOCOL_MAXIMUM_PACKET_COMMANDS: most commands a sender packs in one datagram. */
    public static final int MAXIMUM_PACKET_COMMANDS = 32;
    public static final int MINIMUM_WINDOW_SIZE = 4096;
    public static final int MAXIMUM_WINDOW_SIZE = 65536;
    public static final int WINDOW_SIZE_SCALE = 65536;
    public static final int MINIMUM_CHANNEL_COUNT = 1;
    public static final int MAXIMUM_CHANNEL_COUNT = 255;
    public static final int MAXIMUM_FRAGMENT_COUNT = 1024 * 1024;
    /** The system channel of CONNECT, VERIFY_CONNECT, DISCONNECT, PING, BANDWIDTH_LIMIT, THROTTLE_CONFIGURE. */
    public static final int SYSTEM_CHANNEL = 0xFF;

    public static final int RELIABLE_WINDOWS = 16;
    public static final int RELIABLE_WINDOW_SIZE = 4096;
    public static final int FREE_RELIABLE_WINDOWS = 8;
    public static final int UNSEQUENCED_WINDOW_SIZE = 1024;
    public static final int FREE_UNSEQUENCED_WINDOWS = 32;

    public static final int DEFAULT_ROUND_TRIP_TIME = 500;
    public static final int PACKET_THROTTLE_SCALE = 32;
    public static final int DEFAULT_PACKET_THROTTLE = 32;
    public static final int PACKET_THROTTLE_COUNTER = 7;
    public static final int PACKET_THROTTLE_ACCELERATION = 2;
    public static final int PACKET_THROTTLE_DECELERATION = 2;
    public static final int PACKET_THROTTLE_INTERVAL = 5000;
    public static final int TIMEOUT_LIMIT = 32;
    public static final int TIMEOUT_MINIMUM = 5000;
    public static final int TIMEOUT_MAXIMUM = 30000;
    public static final int PING_INTERVAL = 500;
    public static final int BANDWIDTH_THROTTLE_INTERVAL = 1000;

    /** Fixed part of each command, header included; payload lengths come on top. Index = command number. */
    private static final int[] SIZES = {0, 8, 48, 44, 8, 4, 6, 8, 24, 8, 12, 16, 24};
    /** Size of the SEND_FRAGMENT / SEND_UNRELIABLE_FRAGMENT fixed part. */
    public static final int FRAGMENT_COMMAND_SIZE = 24;

    private Protocol() {
    }

    /** The fixed size of command {@code number} (1..12), header included. */
    public static int commandSize(int number) {
        return SIZES[number];
    }

    /** Whether {@code number} is a command this protocol defines. */
    public static boolean isValidCommand(int number) {
        return number > 0 && number < COMMAND_COUNT;
    }

    /** The libenet window rule: bytes/s → window size, clamped to 4096..65536 (0 → maximum). */
    public static int windowFor(long bandwidth) {
        if (bandwidth == 0) {
            return MAXIMUM_WINDOW_SIZE;
        }
        return clampWindow(bandwidth / WINDOW_SIZE_SCALE * MINIMUM_WINDOW_SIZE);
    }

    /**
     * The window for a connection whose ends allow {@code oneEnd} and {@code otherEnd} bytes/s
     * (0: unlimited): the lower limit decides; with one end unlimited, the other does.
     */
    public static int windowFor(long oneEnd, long otherEnd) {
        return windowFor(oneEnd == 0 || otherEnd == 0 ? Math.max(oneEnd, otherEnd) : Math.min(oneEnd, otherEnd));
    }

    /** Clamps a window to 4096..65536. */
    public static int clampWindow(long window) {
        return (int) Math.max(MINIMUM_WINDOW_SIZE, Math.min(MAXIMUM_WINDOW_SIZE, window));
    }

    /** Clamps an MTU to 576..4096. */
    public static int clampMtu(long mtu) {
        return (int) Math.max(MINIMUM_MTU, Math.min(MAXIMUM_MTU, mtu));
    }

    /**
     * The reliable window of {@code sequence} relative to the last delivered {@code incoming}: the
     * 4096-wide window index, plus 16 when the sequence number lies behind.
     */
    public static int relativeWindow(int sequence, int incoming) {
        int window = sequence / RELIABLE_WINDOW_SIZE;
        return sequence < incoming ? window + RELIABLE_WINDOWS : window;
    }

    /** Whether a data command with {@code sequence} may be queued: windows current..current+6. */
    public static boolean inReceiveWindow(int sequence, int incoming) {
        int window = relativeWindow(sequence, incoming);
        int current = incoming / RELIABLE_WINDOW_SIZE;
        return window >= current && window < current + FREE_RELIABLE_WINDOWS - 1;
    }
}
