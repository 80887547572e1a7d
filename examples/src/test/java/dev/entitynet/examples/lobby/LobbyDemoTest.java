package dev.entitynet.examples.lobby;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lobby demo over real UDP: it returns 0 only when every expected event happened. */
class LobbyDemoTest {
    @Test
    void twoBotsAuthenticateChatAndTheIntruderIsRefused() {
        assertEquals(0, LobbyDemo.run(new String[] {"--clients", "2"}));
    }

    @Test
    void rejectsABadClientCount() {
        assertEquals(2, LobbyDemo.run(new String[] {"--clients", "0"}));
    }
}
