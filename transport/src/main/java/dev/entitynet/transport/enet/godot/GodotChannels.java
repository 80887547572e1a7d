package dev.entitynet.transport.enet.godot;

import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.enet.EnetPacketFlags;

/**
 * Godot 4's mapping between {@code MultiplayerPeer} transfer modes/channels and ENet channels/flags:
 * ENet channel 0 carries reliable traffic of the default channel, ENet channel 1 both unreliable
 * modes of the default channel, and user channel n >= 1 is ENet channel n + 1.
 */
public final class GodotChannels {
    /** ENet channels Godot reserves below the user channels. */
    public static final int SYSTEM_CHANNELS = 2;
    private static final int RELIABLE_CHANNEL = 0;
    private static final int UNRELIABLE_CHANNEL = 1;

    private GodotChannels() {
    }

    /** The ENet channel a packet sent with {@code mode} on user {@code channel} travels on. */
    public static int enetChannel(TransferMode mode, int channel) {
        if (channel == 0) {
            return mode == TransferMode.RELIABLE ? RELIABLE_CHANNEL : UNRELIABLE_CHANNEL;
        }
        return channel + 1;
    }

    /** The ENet packet flags for {@code mode}. */
    public static int flags(TransferMode mode) {
        return switch (mode) {
            case RELIABLE -> EnetPacketFlags.RELIABLE;
            case UNRELIABLE -> EnetPacketFlags.UNSEQUENCED | EnetPacketFlags.UNRELIABLE_FRAGMENT;
            case UNRELIABLE_ORDERED -> EnetPacketFlags.UNRELIABLE_FRAGMENT;
        };
    }

    /** The transfer mode of a received packet, classified by its ENet flags. */
    public static TransferMode mode(int flags) {
        if ((flags & EnetPacketFlags.RELIABLE) != 0) {
            return TransferMode.RELIABLE;
        }
        return (flags & EnetPacketFlags.UNSEQUENCED) != 0 ? TransferMode.UNRELIABLE : TransferMode.UNRELIABLE_ORDERED;
    }

    /** The user channel of a packet received on {@code enetChannel}. */
    public static int userChannel(int enetChannel) {
        return enetChannel >= SYSTEM_CHANNELS ? enetChannel - 1 : 0;
    }

    /** The ENet channel count Godot asks for or allows: 0 means ENet's maximum, 255. */
    public static int enetChannelCount(int userChannels) {
        if (userChannels < 0 || userChannels > 253) {
            throw new IllegalArgumentException("channel count " + userChannels + " must be 0 (the most, 253 usable) .. 253");
        }
        return userChannels == 0 ? 255 : userChannels + SYSTEM_CHANNELS;
    }
}
