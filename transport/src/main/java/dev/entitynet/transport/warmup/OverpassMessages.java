package dev.entitynet.transport.warmup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The messages of the stubs HotSpot adds to a class or interface for the superinterface methods it
 * neither declares nor inherits from a superclass ("overpass" methods, when some supertype has
 * default methods).
 * Each stub throws {@code AbstractMethodError("Method <class>.<name><descriptor> is abstract")};
 * the message is a string constant of the class that is not in its class file, and becomes a
 * {@code String} on the thread that first makes a method of the class hot.
 */
final class OverpassMessages {
    private OverpassMessages() {
    }

    /**
     * The messages HotSpot may give {@code type}'s stubs: one per abstract method of its
     * superinterfaces that neither it nor a superclass declares and no superinterface gives a
     * default for. Supertypes {@code shapes} cannot find are skipped; a message too many is
     * harmless, one too few is an allocation later.
     */
    static List<String> of(ClassShape type, Function<String, ClassShape> shapes) {
        Set<String> declared = new HashSet<>();
        ArrayDeque<String> interfaces = new ArrayDeque<>();
        for (ClassShape c = type; c != null; c = c.superName() == null ? null : shapes.apply(c.superName())) {
            declared.addAll(c.methods());
            interfaces.addAll(c.interfaces());
        }
        Set<String> abstractMethods = new LinkedHashSet<>();
        Set<String> defaults = new HashSet<>();
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String name = interfaces.poll();
            ClassShape itf = seen.add(name) ? shapes.apply(name) : null;
            if (itf != null) {
                abstractMethods.addAll(itf.abstractMethods());
                defaults.addAll(itf.concreteMethods());
                interfaces.addAll(itf.interfaces());
            }
        }
        List<String> messages = new ArrayList<>();
        for (String method : abstractMethods) {
            if (!declared.contains(method) && !defaults.contains(method)) {
                messages.add("Method " + type.name() + "." + method + " is abstract");
            }
        }
        return messages;
    }
}
