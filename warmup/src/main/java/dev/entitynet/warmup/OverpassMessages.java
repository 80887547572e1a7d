package dev.entitynet.warmup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The messages of the stubs HotSpot adds to a class or interface for the superinterface methods it
 * neither declares nor inherits from a superclass ("overpass" methods, made when some supertype
 * has default methods). Each stub throws
 * {@code AbstractMethodError("Method <class>.<name><descriptor> is abstract")}; the message is a
 * string constant of the class that is in no class file, and becomes a {@code String} on the thread
 * that first makes a method of the class hot.
 */
final class OverpassMessages {
    private static final String OBJECT = "java/lang/Object";
    /** Object's instance methods that are not public: an interface does not inherit them. */
    private static final Set<String> OBJECT_NON_PUBLIC = Set.of("clone()Ljava/lang/Object;", "finalize()V");

    private OverpassMessages() {
    }

    /**
     * The messages HotSpot may give {@code type}'s stubs: one per abstract method of its
     * superinterfaces that neither it nor a superclass declares. A superset: a default method
     * elsewhere in the hierarchy may fill a slot (HotSpot picks the most specific one), and a
     * message too many is harmless while one too few is an allocation later. Supertypes
     * {@code shapes} cannot find are skipped.
     */
    static List<String> of(ClassShape type, Function<String, ClassShape> shapes) {
        Set<String> declared = new HashSet<>();
        ArrayDeque<String> interfaces = new ArrayDeque<>();
        for (ClassShape c = type; c != null; c = c.superName() == null ? null : shapes.apply(c.superName())) {
            boolean objectSeenFromInterface = type.isInterface() && c.name().equals(OBJECT);
            for (List<String> methods : List.of(c.abstractMethods(), c.concreteMethods())) {
                for (String method : methods) {
                    if (!objectSeenFromInterface || !OBJECT_NON_PUBLIC.contains(method)) {
                        declared.add(method);
                    }
                }
            }
            interfaces.addAll(c.interfaces());
        }
        Set<String> abstractMethods = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String name = interfaces.poll();
            ClassShape itf = seen.add(name) ? shapes.apply(name) : null;
            if (itf != null) {
                abstractMethods.addAll(itf.abstractMethods());
                interfaces.addAll(itf.interfaces());
            }
        }
        List<String> messages = new ArrayList<>();
        for (String method : abstractMethods) {
            if (!declared.contains(method)) {
                messages.add("Method " + type.name() + "." + method + " is abstract");
            }
        }
        return messages;
    }
}
