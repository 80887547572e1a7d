package dev.entitynet.warmup;

import java.util.List;

/** Picks the class names out of method descriptors such as {@code (ILjava/lang/String;)[Ljava/util/List;} (JVMS 4.3.3). */
final class MethodDescriptors {
    private MethodDescriptors() {
    }

    /**
     * Adds the internal names of the classes {@code text} names to {@code classes} when it is a
     * well-formed method descriptor; leaves {@code classes} as it was otherwise (generic
     * signatures and other UTF-8 constants that merely start with a parenthesis).
     */
    static void addClasses(String text, List<String> classes) {
        int before = classes.size();
        int at = 1;
        while (at < text.length() && text.charAt(at) != ')') {
            at = fieldType(text, at, classes);
            if (at < 0) {
                classes.subList(before, classes.size()).clear();
                return;
            }
        }
        if (at >= text.length()) {
            classes.subList(before, classes.size()).clear();
            return;
        }
        at++; // ')'
        int end = at < text.length() && text.charAt(at) == 'V' ? at + 1 : fieldType(text, at, classes);
        if (end != text.length()) {
            classes.subList(before, classes.size()).clear();
        }
    }

    /** Reads one field type at {@code at}; returns the index after it, or -1 when malformed. */
    private static int fieldType(String text, int at, List<String> classes) {
        while (at < text.length() && text.charAt(at) == '[') {
            at++;
        }
        if (at >= text.length()) {
            return -1;
        }
        switch (text.charAt(at)) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z' -> {
                return at + 1;
            }
            case 'L' -> {
                int semicolon = text.indexOf(';', at);
                if (semicolon < at + 2) {
                    return -1;
                }
                String name = text.substring(at + 1, semicolon);
                if (name.indexOf('<') >= 0 || name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
                    return -1;
                }
                classes.add(name);
                return semicolon + 1;
            }
            default -> {
                return -1;
            }
        }
    }
}
