package dev.entitynet.examples;

/**
 * One program that {@code ./run} can start.
 *
 * @param name what the user types after {@code ./run}
 * @param usage the arguments it takes, for the help text
 * @param summary one line saying what it does
 * @param main its entry point; returns the process exit code
 */
public record Subcommand(String name, String usage, String summary, Main main) {

    /** An entry point that reports success or failure through its exit code. */
    @FunctionalInterface
    public interface Main {
        /** Runs the program with the arguments after the subcommand name. */
        int run(String[] args) throws Exception;
    }
}
