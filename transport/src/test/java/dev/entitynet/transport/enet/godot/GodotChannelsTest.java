package dev.entitynet.transport.enet.godot;

import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.enet.EnetPacketFlags;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GodotChannelsTest {
    @Test
    void theDefaultChannelSplitsReliableAndUnreliableAcrossEnetChannelsZeroAndOne() {
        assertEquals(0, GodotChannels.enetChannel(TransferMode.RELIABLE, 0));
        assertEquals(1, GodotChannels.enetChannel(TransferMode.UNRELIABLE, 0));
        assertEquals(1, GodotChannels.enetChannel(TransferMode.UNRELIABLE_ORDERED, 0));
    }

    @Test
    void userChannelsAreShiftedByOneWhateverTheMode() {
        for (TransferMode mode : TransferMode.values()) {
            assertEquals(2, GodotChannels.enetChannel(mode, 1));
            assertEquals(254, GodotChannels.enetChannel(mode, 253));
        }
        assertEquals(0, GodotChannels.userChannel(0));
        assertEquals(0, GodotChannels.userChannel(1));
        assertEquals(1, GodotChannels.userChannel(2));
        assertEquals(253, GodotChannels.userChannel(254));
    }

    @Test
    void flagsFollowGodotAndClassifyBackToTheSameMode() {
        assertEquals(EnetPacketFlags.RELIABLE, GodotChannels.flags(TransferMode.RELIABLE));
        assertEquals(EnetPacketFlags.UNSEQUENCED | EnetPacketFlags.UNRELIABLE_FRAGMENT, GodotChannels.flags(TransferMode.UNRELIABLE));
        assertEquals(EnetPacketFlags.UNRELIABLE_FRAGMENT, GodotChannels.flags(TransferMode.UNRELIABLE_ORDERED));
        // What libenet reports on delivery: RELIABLE, UNSEQUENCED, 0 or UNRELIABLE_FRAGMENT.
        assertEquals(TransferMode.RELIABLE, GodotChannels.mode(EnetPacketFlags.RELIABLE));
        assertEquals(TransferMode.UNRELIABLE, GodotChannels.mode(EnetPacketFlags.UNSEQUENCED));
        assertEquals(TransferMode.UNRELIABLE_ORDERED, GodotChannels.mode(0));
        assertEquals(TransferMode.UNRELIABLE_ORDERED, GodotChannels.mode(EnetPacketFlags.UNRELIABLE_FRAGMENT));
    }

    @Test
    void channelCountZeroMeansEnetsMaximum() {
        assertEquals(255, GodotChannels.enetChannelCount(0));
        assertEquals(5, GodotChannels.enetChannelCount(3));
        assertThrows(IllegalArgumentException.class, () -> GodotChannels.enetChannelCount(254));
    }
}
