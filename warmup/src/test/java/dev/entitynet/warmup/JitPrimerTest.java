package dev.entitynet.warmup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitPrimerTest {
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

        static java.util.zip.CRC32C[] signature(java.util.BitSet bits, int[] ints, List<String> generic) {
            return null;
        }
    }

    interface Greeter {
        String greet();

        int count();

        default String twice() {
            return greet() + greet();
        }
    }

    /** Has a default method and leaves {@code count} undeclared: HotSpot adds a stub to the interface too. */
    interface LoudGreeter extends Greeter {
        @Override
        default String greet() {
            return "HI";
        }
    }

    /** Leaves {@code count} undeclared: HotSpot adds a stub for it. */
    abstract static class HalfGreeter implements Greeter {
        @Override
        public String greet() {
            return "hi";
        }
    }

    /** Declares {@code count} again: no stub. */
    abstract static class FullGreeter implements Greeter {
        @Override
        public String greet() {
            return "hello";
        }

        @Override
        public abstract int count();
    }

    interface Base {
        default void op() {
        }
    }

    /** Makes the default abstract again: the default further up fills no slot. */
    interface Narrow extends Base {
        @Override
        void op();
    }

    abstract static class UsesNarrow implements Narrow {
    }

    static final class ConcreteNarrow extends UsesNarrow {
        @Override
        public void op() {
        }
    }

    interface Copyable {
        Object clone();
    }

    /** An interface does not inherit Object's protected clone, so it gets a stub for Copyable's. */
    interface CopyableWithDefault extends Copyable {
        default void touch() {
        }
    }

    static final class Copy implements CopyableWithDefault {
        @Override
        public Object clone() {
            return this;
        }
    }

    static final class LoudCounter implements LoudGreeter {
        @Override
        public int count() {
            return 2;
        }
    }

    static final class CountingGreeter extends HalfGreeter {
        @Override
        public int count() {
            return 1;
        }
    }

    static final class FirstRunBeforePriming {
        static String literal() {
            return "entitynet literal resolved before priming 7f3a";
        }
    }

    static final class FirstRunAfterPriming {
        static String literal() {
            return "entitynet literal resolved after priming 7f3a";
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsEveryStringConstantAndTheClassesOfMethodDescriptors() throws IOException {
        ClassFileConstants constants = ClassFileConstants.read(new ByteArrayInputStream(classFile(WithLiterals.class)));
        List<String> literals = constants.strings();
        assertTrue(literals.contains(WithLiterals.plain()), literals::toString);
        assertTrue(literals.contains(WithLiterals.nonAscii()), literals::toString);
        assertTrue(literals.stream().anyMatch(s -> s.startsWith("count=")), "the string concatenation recipe: " + literals);
        List<String> classes = constants.descriptorClasses();
        assertTrue(classes.containsAll(List.of("java/util/zip/CRC32C", "java/util/BitSet", "java/util/List", "java/lang/String")), classes::toString);
        List<String> referenced = constants.referencedClasses();
        assertTrue(referenced.containsAll(List.of("dev/entitynet/warmup/JitPrimerTest$WithLiterals", "java/lang/Object")), referenced::toString);
    }

    private static ClassShape shape(String internalName) {
        try (InputStream in = JitPrimerTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? null : ClassFileConstants.read(in).shape();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    @Test
    void readsTheShapeOfAClass() {
        ClassShape half = shape(internalName(HalfGreeter.class));
        assertEquals(internalName(HalfGreeter.class), half.name());
        assertEquals("java/lang/Object", half.superName());
        assertEquals(List.of(internalName(Greeter.class)), half.interfaces());
        assertFalse(half.isInterface());
        assertEquals(List.of("greet()Ljava/lang/String;"), half.concreteMethods(), "instance methods, constructors left out");
        ClassShape greeter = shape(internalName(Greeter.class));
        assertTrue(greeter.isInterface());
        assertEquals(List.of("greet()Ljava/lang/String;", "count()I"), greeter.abstractMethods());
        assertEquals(List.of("twice()Ljava/lang/String;"), greeter.concreteMethods());
    }

    /** The message HotSpot's stub for {@code name} in {@code holder} throws, called from {@code caller}. */
    private static String stubMessage(Class<?> holder, String name, MethodType type, Class<?> caller, Object receiver) throws ReflectiveOperationException {
        MethodHandle stub = MethodHandles.privateLookupIn(caller, MethodHandles.lookup()).findSpecial(holder, name, type, caller);
        AbstractMethodError thrown = assertThrows(AbstractMethodError.class, () -> stub.invoke(receiver));
        return thrown.getMessage();
    }

    private static List<String> predicted(Class<?> type) {
        return OverpassMessages.of(shape(internalName(type)), JitPrimerTest::shape);
    }

    @Test
    void predictsTheMessagesOfHotSpotsStubsForUndeclaredInterfaceMethods() throws ReflectiveOperationException {
        assertEquals(List.of("Method " + internalName(HalfGreeter.class) + ".count()I is abstract"), predicted(HalfGreeter.class));
        assertEquals(List.of(), predicted(FullGreeter.class));
        assertEquals(List.of(), predicted(Greeter.class));
        assertEquals(List.of("Method " + internalName(LoudGreeter.class) + ".count()I is abstract"), predicted(LoudGreeter.class));

        // Calling each stub shows the message the JVM really uses.
        MethodType returnsInt = MethodType.methodType(int.class);
        assertEquals(predicted(HalfGreeter.class).get(0), stubMessage(HalfGreeter.class, "count", returnsInt, CountingGreeter.class, new CountingGreeter()));
        assertEquals(predicted(LoudGreeter.class).get(0), stubMessage(LoudGreeter.class, "count", returnsInt, LoudCounter.class, new LoudCounter()));
        String narrow = stubMessage(UsesNarrow.class, "op", MethodType.methodType(void.class), ConcreteNarrow.class, new ConcreteNarrow());
        assertTrue(predicted(UsesNarrow.class).contains(narrow), narrow + " in " + predicted(UsesNarrow.class));
        String clone = stubMessage(CopyableWithDefault.class, "clone", MethodType.methodType(Object.class), Copy.class, new Copy());
        assertTrue(predicted(CopyableWithDefault.class).contains(clone), clone + " in " + predicted(CopyableWithDefault.class));
    }

    @Test
    void takesClassesOnlyFromWellFormedMethodDescriptors() {
        List<String> classes = new ArrayList<>();
        MethodDescriptors.addClasses("(I[[Ljava/lang/String;JLjava/util/Map;)[Ljava/util/BitSet;", classes);
        assertEquals(List.of("java/lang/String", "java/util/Map", "java/util/BitSet"), classes);
        for (String notADescriptor : List.of("(TT;)V", "(Ljava/util/List<TT;>;)V", "(I", "(I)", "(I)VV", "(L;)V", "(Q)V", "(hello world)", "(Ljava/lang/String)V")) {
            MethodDescriptors.addClasses(notADescriptor, classes);
            assertEquals(3, classes.size(), notADescriptor + " is no method descriptor: " + classes);
        }
    }

    @Test
    void rejectsWhatIsNotAClassFile() throws IOException {
        IOException notClass = assertThrows(IOException.class, () -> ClassFileConstants.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertTrue(notClass.getMessage().contains("magic"), notClass.getMessage());
        byte[] real = classFile(WithLiterals.class);
        IOException truncated = assertThrows(IOException.class, () -> ClassFileConstants.read(new ByteArrayInputStream(Arrays.copyOf(real, 40))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] emptyPool = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 0};
        IOException noPool = assertThrows(IOException.class, () -> ClassFileConstants.read(new ByteArrayInputStream(emptyPool)));
        assertTrue(noPool.getMessage().contains("constant pool count 0"), noPool.getMessage());
        // A pool with one UTF-8 entry "A", then access flags and a this_class index beyond the pool.
        byte[] badThisClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 2, 1, 0, 1, 'A', 0, 0x21, 0, 5};
        IOException badIndex = assertThrows(IOException.class, () -> ClassFileConstants.read(new ByteArrayInputStream(badThisClass)));
        assertTrue(badIndex.getMessage().contains("this class index"), badIndex.getMessage());
        byte[] badTag = Arrays.copyOf(real, real.length);
        badTag[10] = 99; // the first constant pool entry's tag
        IOException unknown = assertThrows(IOException.class, () -> ClassFileConstants.read(new ByteArrayInputStream(badTag)));
        assertTrue(unknown.getMessage().contains("tag 99"), unknown.getMessage());
    }

    @Test
    void firstUseOfAPrimedLiteralAllocatesNothing() throws ClassNotFoundException {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(), "this JVM counts allocated bytes per thread");
        Class.forName(FirstRunBeforePriming.class.getName(), true, getClass().getClassLoader());
        Class.forName(FirstRunAfterPriming.class.getName(), true, getClass().getClassLoader());
        THREADS.getCurrentThreadAllocatedBytes();

        long before = THREADS.getCurrentThreadAllocatedBytes();
        String control = FirstRunBeforePriming.literal();
        long controlBytes = THREADS.getCurrentThreadAllocatedBytes() - before;

        int interned = JitPrimer.primeCodeSourcesOf(JitPrimerTest.class);

        before = THREADS.getCurrentThreadAllocatedBytes();
        String literal = FirstRunAfterPriming.literal();
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertTrue(controlBytes > 0, "resolving a literal that is not interned yet allocates it (" + control + ")");
        assertEquals(0, bytes, "resolving an interned literal allocates nothing (" + literal + ")");
        assertTrue(interned > 0);
        long read = JitPrimer.classFilesRead();
        JitPrimer.primeCodeSourcesOf(JitPrimerTest.class);
        assertEquals(read, JitPrimer.classFilesRead(), "a code source is read once");
    }

    private static List<String> jdkLiterals(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
            return ClassFileConstants.read(in).strings();
        }
    }

    @Test
    void readsJdkClassesAndWhatTheyReferTo() throws ReflectiveOperationException, IOException {
        // Named by a string, so that no class of this test refers to it.
        Class<?> formatter = Class.forName("java.util.logging.XMLFormatter");
        JitPrimer.primeClassesOf(formatter);
        for (String literal : jdkLiterals("java/util/logging/XMLFormatter")) {
            assertTrue(JitPrimer.isKept(literal), "XMLFormatter's " + literal);
        }
        for (String literal : jdkLiterals("java/util/logging/LogRecord")) { // one step away: XMLFormatter formats LogRecords
            assertTrue(JitPrimer.isKept(literal), "LogRecord's " + literal);
        }
        long read = JitPrimer.classFilesRead();
        JitPrimer.primeClassesOf(formatter);
        assertEquals(read, JitPrimer.classFilesRead(), "a class is read once");
    }

    @Test
    void refusesClassesWithoutClassFiles() {
        Runnable lambda = () -> { };
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class, () -> JitPrimer.primeClassesOf(lambda.getClass()));
        assertTrue(hidden.getMessage().contains("no class file"), hidden.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JitPrimer.primeClassesOf(int[].class));
    }

    @Test
    void refusesAClassWithoutACodeSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JitPrimer.primeCodeSourcesOf(String.class));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }
}
