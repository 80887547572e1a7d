package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;

import java.util.Set;

/** One attack of {@code ./run enet-attack}: its name, options, and what it measures against a target. */
interface Attack {
    /** The subcommand name. */
    String name();

    /** Its options and their defaults, for the help text. */
    String usage();

    /** The options it accepts besides the common ones. */
    Set<String> options();

    /** Runs against {@code target}; the figures come back (the caller prints them). */
    Results run(Target target, Arguments arguments) throws Exception;
}
