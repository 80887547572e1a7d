package dev.entitynet.examples.enetattack;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures one attack measured, printed as machine-readable lines
 * {@code RESULT <attack>.<name>=<value>} in the order they were added.
 */
public final class Results {
    private final String attack;
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Figures of the attack named {@code attack}. */
    public Results(String attack) {
        this.attack = attack;
    }

    /** Records a whole number. */
    public Results put(String name, long value) {
        values.put(name, Long.toString(value));
        return this;
    }

    /** Records a decimal, with two places. */
    public Results put(String name, double value) {
        values.put(name, String.format(Locale.ROOT, "%.2f", value));
        return this;
    }

    /** Records a yes/no figure as 1 or 0. */
    public Results put(String name, boolean value) {
        return put(name, value ? 1 : 0);
    }

    /** Records a text value (no spaces, so a line stays one {@code name=value} pair). */
    public Results put(String name, String value) {
        values.put(name, value.replace(' ', '_'));
        return this;
    }

    /** The attack these figures belong to. */
    public String attack() {
        return attack;
    }

    /** A figure as a number; throws when it was not recorded. */
    public double number(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(attack + " has no figure '" + name + "'; it has " + values.keySet());
        }
        return Double.parseDouble(v);
    }

    /** All figures, by name. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Prints one {@code RESULT} line per figure. */
    public void print(PrintStream out) {
        values.forEach((name, value) -> out.println("RESULT " + attack + "." + name + "=" + value));
        out.flush();
    }
}
