package dev.entitynet.examples.enetattack;

import dev.entitynet.examples.Arguments;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./run enet-attack <attack> --host H --port P [...]}: hostile traffic against any ENet
 * server (ours or libenet's), printing {@code RESULT <attack>.<name>=<value>} lines. Attacks that
 * forge source addresses stand in for them with local sockets on 127.0.0.0/8, so they need the
 * server on this machine's loopback. The echo-based attacks expect an echo server
 * ({@code ./run enet-echo server}, or transport/src/test/c/enet_echo_server.c).
 */
public final class EnetAttack {
    /** Every attack, in the order the help lists them. */
    static final List<Attack> ATTACKS = List.of(new ReflectAttack(), new SlotsAttack(), new BlindAttack(), new MemoryAttack(),
            new StallAttack(), new LeakAttack(), new TimeoutAttack());
    /** Options every attack takes. */
    static final Set<String> COMMON = Set.of("host", "port", "channels", "seed");
    private static final Set<String> SPOOFING = Set.of("reflect", "slots", "blind");

    private EnetAttack() {
    }

    /** The arguments, for {@code ./run}'s help. */
    public static String usage() {
        return "<" + String.join("|", ATTACKS.stream().map(Attack::name).toList()) + "> --host H --port P [--channels 2] [--seed S] [options]";
    }

    /** Runs one attack and prints its results; returns the exit code. */
    public static int run(String[] args) throws Exception {
        if (args.length == 0 || ATTACKS.stream().noneMatch(x -> x.name().equals(args[0]))) {
            System.err.println("usage: enet-attack " + usage());
            ATTACKS.forEach(x -> System.err.println("  " + x.name() + " " + x.usage()));
            return 2;
        }
        attack(args).print(System.out);
        return 0;
    }

    /**
     * Runs the attack named by {@code args[0]} with the options that follow and returns its
     * figures (the first ones name the target and the seed).
     *
     * @throws IllegalArgumentException for an unknown attack or option, or a spoofing attack
     *     against a server that is not on loopback
     */
    public static Results attack(String[] args) throws Exception {
        Attack attack = ATTACKS.stream().filter(x -> x.name().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown attack '" + args[0] + "'; attacks: " + usage()));
        Set<String> accepted = new HashSet<>(COMMON);
        accepted.addAll(attack.options());
        Arguments a = Arguments.parse(Arrays.copyOfRange(args, 1, args.length), accepted);
        long seed = a.has("seed") ? a.longValue("seed", 0) : System.nanoTime();
        Target target = Target.of(new InetSocketAddress(a.stringValue("host", "127.0.0.1"), a.intValue("port", 7777)),
                a.intValue("channels", 2), seed);
        if (SPOOFING.contains(attack.name()) && !target.onLoopback()) {
            throw new IllegalArgumentException(attack.name() + " stands in for spoofed sources with 127.0.0.0/8 sockets; "
                    + "point it at a server on loopback");
        }
        System.out.println("# enet-attack " + attack.name() + " against " + target.server() + " (seed " + seed + ")");
        Results results = attack.run(target, a);
        Results all = new Results(attack.name()).put("target", target.server().getAddress().getHostAddress() + ":" + target.server().getPort())
                .put("seed", seed);
        results.values().forEach(all::put);
        return all;
    }
}
