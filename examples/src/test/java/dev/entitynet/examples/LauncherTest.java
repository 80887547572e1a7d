package dev.entitynet.examples;

import dev.entitynet.examples.localhub.LocalHubDemo;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    @Test
    void subcommandNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (Subcommand command : Launcher.SUBCOMMANDS) {
            assertTrue(names.add(command.name()), "duplicate subcommand " + command.name());
        }
    }

    @Test
    void localHubDemoKeepsEveryPromiseOfTheContract() throws Exception {
        assertEquals(0, LocalHubDemo.run(new String[] {"--clients", "3", "--packets", "300", "--loss", "0.3", "--seed", "9"}));
    }

    @Test
    void unknownOptionsAndBadValuesNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arguments.parse(new String[] {"--clinets", "3"}, Set.of("clients")));
        assertTrue(e.getMessage().contains("--clinets") && e.getMessage().contains("--clients"), e.getMessage());
        Arguments parsed = Arguments.parse(new String[] {"--clients", "x"}, Set.of("clients"));
        e = assertThrows(IllegalArgumentException.class, () -> parsed.intValue("clients", 1));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.parse(new String[] {"--clients"}, Set.of("clients")));
    }
}
