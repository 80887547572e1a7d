package dev.entitynet.transport.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Interns the string literals of whole jars or class directories ahead of time, so that HotSpot's
 * JIT compiler does not allocate them later on a thread that must not allocate.
 *
 * <p>Why: before HotSpot's optimizing compiler (C2) compiles a method, the thread whose call made
 * the method hot resolves every string constant of that method's class (all of them, error
 * messages included), and each one not yet in the JVM's string table is allocated on that thread.
 * A method called a few times per tick becomes hot only after thousands of ticks, so a game thread
 * that allocates nothing in its own code still shows a few hundred bytes to a few kilobytes in a
 * random tick minutes into a run. When a literal is already interned the resolution finds it and
 * allocates nothing, which is what {@link #internCodeSourcesOf} and {@link #internClassesOf}
 * arrange. The interned strings are
 * kept reachable for the life of the JVM: the string table holds its entries weakly.
 *
 * <p>Call it once at start-up, before the measured work; it reads class files (not loading the
 * classes), about a second for a jar of ten thousand classes.
 */
public final class StringLiterals {
    private static final Set<String> KEPT = new HashSet<>();
    private static final Set<String> READ_SOURCES = new HashSet<>();
    private static final Set<Class<?>> READ_CLASSES = new HashSet<>();

    private StringLiterals() {
    }

    /**
     * Interns the string literals of every class in the jars or directories that hold
     * {@code anchors} (each read once per JVM, however often it is named).
     *
     * @return the number of distinct literals interned so far by this class
     * @throws IllegalArgumentException when an anchor has no jar or directory to read (a JDK class,
     *     a generated class); name a class of the library instead
     * @throws UncheckedIOException when a jar or class file cannot be read
     */
    public static synchronized int internCodeSourcesOf(Class<?>... anchors) {
        for (Class<?> anchor : anchors) {
            Path source = codeSource(anchor);
            if (READ_SOURCES.add(source.toString())) {
                try {
                    read(source);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the classes of " + source, e);
                }
            }
        }
        return KEPT.size();
    }

    /**
     * Interns the string literals of {@code type} and of its superclasses, each read once per JVM.
     * Reads JDK classes too (from their modules), which {@link #internCodeSourcesOf} cannot: for
     * example the class of a {@code ThreadMXBean} a game thread calls every tick.
     *
     * @return the number of distinct literals interned so far by this class
     * @throws UncheckedIOException when a class file cannot be read
     */
    public static synchronized int internClassesOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (READ_CLASSES.add(c)) {
                String file = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getModule().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IOException("no class file " + file + " in " + c.getModule());
                    }
                    ClassFileStrings.read(in, StringLiterals::keep);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
                }
            }
        }
        return KEPT.size();
    }

    private static Path codeSource(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            throw new IllegalArgumentException(anchor.getName() + " was not loaded from a jar or directory on disk (" + location
                    + "); name a class that was");
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a path of " + location + ", where " + anchor.getName() + " comes from", e);
        }
    }

    private static void read(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.toString().endsWith(".class")) {
                        try (InputStream in = Files.newInputStream(file)) {
                            ClassFileStrings.read(in, StringLiterals::keep);
                        }
                    }
                }
            }
            return;
        }
        try (ZipFile jar = new ZipFile(source.toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        ClassFileStrings.read(in, StringLiterals::keep);
                    }
                }
            }
        }
    }

    private static void keep(String literal) {
        KEPT.add(literal.intern());
    }
}
