package dev.entitynet.transport.warmup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringLiteralsTest {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Literals of several kinds, and long and double constants (two constant pool entries each) between them. */
    static final class WithLiterals {
        static long big = 0x1234_5678_9ABCL;
        static double ratio = 0.123456789;

        static String plain() {
            return "entitynet plain literal";
        }

        static String nonAscii() {
            return "caf\u00e9 \u2603 \ud83d\ude00 nul:\u0000";
        }

        static String concatenated(int n) {
            return "count=" + n + " big=" + big + " ratio=" + ratio;
        }
    }

    static final class FirstRunBeforeInterning {
        static String literal() {
            return "entitynet literal resolved before interning 7f3a";
        }
    }

    static final class FirstRunAfterInterning {
        static String literal() {
            return "entitynet literal resolved after interning 7f3a";
        }
    }

    private static List<String> literalsOf(Class<?> type) throws IOException {
        List<String> literals = new ArrayList<>();
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            ClassFileStrings.read(in, literals::add);
        }
        return literals;
    }

    @Test
    void readsEveryStringConstantOfAClassFile() throws IOException {
        List<String> literals = literalsOf(WithLiterals.class);
        assertTrue(literals.contains(WithLiterals.plain()), literals::toString);
        assertTrue(literals.contains(WithLiterals.nonAscii()), literals::toString);
        assertTrue(literals.stream().anyMatch(s -> s.startsWith("count=")), "the string concatenation recipe: " + literals);
    }

    @Test
    void rejectsWhatIsNotAClassFile() throws IOException {
        IOException notClass = assertThrows(IOException.class, () -> ClassFileStrings.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), s -> { }));
        assertTrue(notClass.getMessage().contains("magic"), notClass.getMessage());
        byte[] real;
        try (InputStream in = WithLiterals.class.getResourceAsStream("StringLiteralsTest$WithLiterals.class")) {
            real = in.readAllBytes();
        }
        assertThrows(IOException.class, () -> ClassFileStrings.read(new ByteArrayInputStream(Arrays.copyOf(real, 40)), s -> { }));
        byte[] badTag = Arrays.copyOf(real, real.length);
        badTag[10] = 99; // the first constant pool entry's tag
        IOException unknown = assertThrows(IOException.class, () -> ClassFileStrings.read(new ByteArrayInputStream(badTag), s -> { }));
        assertTrue(unknown.getMessage().contains("tag 99"), unknown.getMessage());
    }

    @Test
    void firstUseOfAnInternedLiteralAllocatesNothing() throws ClassNotFoundException {
        Class.forName(FirstRunBeforeInterning.class.getName(), true, getClass().getClassLoader());
        Class.forName(FirstRunAfterInterning.class.getName(), true, getClass().getClassLoader());
        THREADS.getCurrentThreadAllocatedBytes();

        long before = THREADS.getCurrentThreadAllocatedBytes();
        String control = FirstRunBeforeInterning.literal();
        long controlBytes = THREADS.getCurrentThreadAllocatedBytes() - before;

        int interned = StringLiterals.internCodeSourcesOf(StringLiteralsTest.class);

        before = THREADS.getCurrentThreadAllocatedBytes();
        String literal = FirstRunAfterInterning.literal();
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertTrue(controlBytes > 0, "resolving a literal that is not interned yet allocates it (" + control + ")");
        assertEquals(0, bytes, "resolving an interned literal allocates nothing (" + literal + ")");
        assertTrue(interned > 0);
        assertEquals(interned, StringLiterals.internCodeSourcesOf(StringLiteralsTest.class), "a code source is read once");
    }

    @Test
    void readsJdkClassesAndTheirSuperclasses() {
        int before = StringLiterals.internClassesOf(Object.class);
        int after = StringLiterals.internClassesOf(java.util.Scanner.class);
        assertTrue(after > before, "Scanner's literals (its patterns and messages) are interned: " + before + " -> " + after);
        assertEquals(after, StringLiterals.internClassesOf(java.util.Scanner.class), "a class is read once");
    }

    @Test
    void refusesAClassWithoutACodeSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StringLiterals.internCodeSourcesOf(String.class));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }
}
