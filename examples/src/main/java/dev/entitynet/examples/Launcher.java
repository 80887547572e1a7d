package dev.entitynet.examples;

import dev.entitynet.examples.localhub.LocalHubDemo;

import java.util.Arrays;
import java.util.List;

/** The entry point of {@code ./run}: picks a subcommand by name and passes the rest of the arguments on. */
public final class Launcher {
    /** Every runnable program; add one line per new subcommand. */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("arena", dev.entitynet.examples.arena.ArenaCommand.USAGE, "server + bots with thousands of moving entities over ENet/UDP, interest management, convergence check and report", dev.entitynet.examples.arena.ArenaCommand::run),
            new Subcommand("local-hub", "[--clients N] [--packets K] [--loss P] [--seed S]",
                    "server and N clients on the in-process hub over a lossy link, all three transfer modes", LocalHubDemo::run),
            new Subcommand("enet-echo", dev.entitynet.examples.enetecho.EnetEcho.USAGE,
                    "ENet echo server (plain or secure), a client that checks every echo (libenet-compatible), a load client, a token minter",
                    dev.entitynet.examples.enetecho.EnetEcho::run),
            new Subcommand("enet-attack", dev.entitynet.examples.enetattack.EnetAttack.usage(),
                    "hostile traffic against any ENet server on host:port (reflection, slots, blind spoofing, memory, stalls, leaks, timeouts)",
                    dev.entitynet.examples.enetattack.EnetAttack::run),
            new Subcommand("lobby", "[--clients N]", "server + N bots over UDP: password auth (one intruder refused), relayed chat RPCs and raw packets", dev.entitynet.examples.lobby.LobbyDemo::run)
    );

    private Launcher() {
    }

    /** Runs the subcommand named by {@code args[0]}; prints the list when there is none. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            printUsage();
            System.exit(args.length == 0 ? 2 : 0);
        }
        for (Subcommand command : SUBCOMMANDS) {
            if (command.name().equals(args[0])) {
                System.exit(command.main().run(Arrays.copyOfRange(args, 1, args.length)));
            }
        }
        System.err.println("unknown subcommand '" + args[0] + "'");
        printUsage();
        System.exit(2);
    }

    private static void printUsage() {
        System.out.println("usage: ./run <subcommand> [arguments]");
        System.out.println();
        for (Subcommand command : SUBCOMMANDS) {
            System.out.printf("  %-12s %s%n  %-12s   %s%n", command.name(), command.usage(), "", command.summary());
        }
    }
}
