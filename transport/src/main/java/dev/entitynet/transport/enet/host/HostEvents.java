package dev.entitynet.transport.enet.host;

import net.openhft.chronicle.bytes.Bytes;

/** Events as an {@link EngineLoop} in inline mode hands them over, already with peer handles; loop thread only. */
interface HostEvents {
    /** A connection completed with {@code channels} channels. */
    void connected(int handle, long endpoint, int data, int channels);

    /** A connection ended. */
    void disconnected(int handle, long endpoint, int data);

    /** A packet; {@code payload}'s readable range is the packet, valid only during the call. */
    void received(int handle, int channel, int flags, Bytes<?> payload);
}
