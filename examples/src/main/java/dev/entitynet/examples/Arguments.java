package dev.entitynet.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} command-line options, checked against what a program accepts so a typo is
 * an error that names the options, not a silently ignored flag.
 */
public final class Arguments {
    private final Map<String, String> values = new HashMap<>();
    private final java.util.List<String> positional = new java.util.ArrayList<>();

    private Arguments() {
    }

    /**
     * Parses {@code args}; every {@code --option} must be in {@code accepted}. Options listed in
     * {@code flags} take no value.
     *
     * @throws IllegalArgumentException naming the unknown option or the missing value
     */
    public static Arguments parse(String[] args, Set<String> accepted, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!accepted.contains(name) && !flags.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; accepted: --" + String.join(", --", accepted)
                        + (flags.isEmpty() ? "" : ", --" + String.join(", --", flags)));
            }
            if (flags.contains(name)) {
                parsed.values.put(name, "true");
            } else if (i + 1 < args.length) {
                parsed.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
        }
        return parsed;
    }

    /** Parses options that all take values. */
    public static Arguments parse(String[] args, Set<String> accepted) {
        return parse(args, accepted, Set.of());
    }

    /** The value of an integer option, or {@code fallback}. */
    public int intValue(String name, int fallback) {
        return number(name, fallback, Integer::valueOf, "a whole number");
    }

    /** The value of a long option, or {@code fallback}. */
    public long longValue(String name, long fallback) {
        return number(name, fallback, Long::valueOf, "a whole number");
    }

    /** The value of a decimal option, or {@code fallback}. */
    public double doubleValue(String name, double fallback) {
        return number(name, fallback, Double::valueOf, "a number");
    }

    private <T> T number(String name, T fallback, java.util.function.Function<String, T> parser, String kind) {
        String v = values.get(name);
        try {
            return v == null ? fallback : parser.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes " + kind + ", got '" + v + "'");
        }
    }

    /** The value of a text option, or {@code fallback}. */
    public String stringValue(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Whether a flag (or option) was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The arguments that are not options, in order. */
    public java.util.List<String> positional() {
        return positional;
    }
}
