package dev.entitynet.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Does ahead of time, once, what HotSpot would otherwise do on a game thread when its JIT compiler
 * first optimizes one of a library's methods, so that thread allocates nothing then.
 *
 * <p>Why: before the optimizing compiler (C2) compiles a method, the thread whose call made it hot
 * resolves every string constant of the method's class, allocating each one that is not in the
 * JVM's string table yet: the class's literals (error messages included) and the messages of the
 * stubs HotSpot adds to classes and interfaces for inherited interface methods they leave
 * undeclared ({@link OverpassMessages}). It also resolves the classes in the method's signature,
 * calling {@code ClassLoader.loadClass} (which allocates) for every class the method's loader has
 * not looked up before. A method called a few times per tick becomes hot only after thousands of
 * ticks, so a game thread whose own code allocates nothing still shows a few hundred bytes to a few
 * kilobytes in a random tick, minutes into a run. Interning those strings first and looking the
 * signature classes up first makes both steps find what they need. The interned strings are kept
 * reachable for the life of the JVM (the string table holds its entries weakly).
 *
 * <p>Call it once at start-up, before measured work. It reads class files without loading the
 * classes they define, and the JDK classes they refer to; it loads (without initializing) the
 * classes their method signatures name from other jars and the JDK. About three seconds for the
 * arena's 27 MB jar of 15,000 classes, which keeps about 47,000 strings (a few megabytes).
 */
public final class JitPrimer {
    /** How many steps the priming goes from the classes a library names into the JDK's. */
    private static final int JDK_DEPTH = 2;
    private static final Set<String> KEPT_STRINGS = new HashSet<>();
    private static final Set<String> READ_SOURCES = new HashSet<>();
    /** Internal names of the classes read from sources or by {@link #primeClassesOf}. */
    private static final Set<String> READ_CLASSES = new HashSet<>();
    /** JDK classes read by following references, with the steps still left after them then. */
    private static final Map<String, Integer> FOLLOWED_INTO_JDK = new HashMap<>();
    /** Names looked for among the JDK's classes and not found there. */
    private static final Set<String> NOT_IN_JDK = new HashSet<>();
    /** Signature classes already looked up, per loader (held weakly: loaders may go). */
    private static final Map<ClassLoader, Set<String>> LOOKED_UP = new WeakHashMap<>();
    private static long classFilesRead;

    private JitPrimer() {
    }

    /**
     * Primes every class in the jars or directories that hold {@code anchors} (each read once per
     * JVM, however often it is named).
     *
     * @return the number of distinct strings interned so far
     * @throws IllegalArgumentException when an anchor has no jar or directory to read (a JDK class,
     *     a generated class); name a class of the library instead
     * @throws UncheckedIOException when a jar or class file cannot be read
     */
    public static synchronized int primeCodeSourcesOf(Class<?>... anchors) {
        for (Class<?> anchor : anchors) {
            Path source = codeSource(anchor);
            if (!READ_SOURCES.contains(source.toString())) {
                Reading reading = new Reading(anchor.getClassLoader());
                reading.source(source);
                reading.finish();
                READ_SOURCES.add(source.toString());
            }
        }
        return KEPT_STRINGS.size();
    }

    /**
     * Primes {@code type} and its superclasses, each read once per JVM. Reads JDK classes too (from
     * their modules), which {@link #primeCodeSourcesOf} cannot: for example the class of a
     * {@code ThreadMXBean} a game thread calls every tick.
     *
     * @return the number of distinct strings interned so far
     * @throws IllegalArgumentException for a hidden class (a lambda), an array or a primitive type,
     *     which have no class file
     * @throws UncheckedIOException when a class file cannot be read
     */
    public static synchronized int primeClassesOf(Class<?> type) {
        if (type.isHidden() || type.isArray() || type.isPrimitive()) {
            throw new IllegalArgumentException(type.getName() + " has no class file to read; name the class that declares it");
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName().replace('.', '/');
            if (!READ_CLASSES.contains(name)) {
                Reading reading = new Reading(c.getClassLoader());
                try (InputStream in = c.getModule().getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        throw new IOException("no class file " + name + ".class in " + c.getModule());
                    }
                    reading.classFile(in, name);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
                }
                reading.finish();
            }
        }
        return KEPT_STRINGS.size();
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

    /** Whether {@code s} is among the strings primed so far. */
    static synchronized boolean isKept(String s) {
        return KEPT_STRINGS.contains(s);
    }

    /** Class files read so far (for tests: what is primed once is not read again). */
    static synchronized long classFilesRead() {
        return classFilesRead;
    }

    private static void keep(List<String> strings) {
        for (String s : strings) {
            KEPT_STRINGS.add(s.intern());
        }
    }

    /** One priming pass over classes of one class loader: what was read, and what it led to. */
    private static final class Reading {
        private final ClassLoader loader;
        private final Set<String> defined = new HashSet<>();
        private final List<ClassShape> shapes = new ArrayList<>();
        private final List<String> signatureClasses = new ArrayList<>();
        private final List<String> referenced = new ArrayList<>();
        /** Every shape this pass has seen or looked for, by internal name; empty when there is no such class file. */
        private final Map<String, Optional<ClassShape>> known = new HashMap<>();

        Reading(ClassLoader loader) {
            this.loader = loader;
        }

        void source(Path source) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (file.toString().endsWith(".class")) {
                            try (InputStream in = Files.newInputStream(file)) {
                                classFile(in, file.toString());
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the classes of " + source, e);
                }
                return;
            }
            try (ZipFile jar = new ZipFile(source.toFile())) {
                Enumeration<? extends ZipEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classFile(in, source + "!/" + entry.getName());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the classes of " + source, e);
            }
        }

        /** Reads one class file of the pass; {@code where} names it in errors. */
        void classFile(InputStream in, String where) throws IOException {
            ClassFileConstants constants = read(in, where);
            signatureClasses.addAll(constants.descriptorClasses());
            referenced.addAll(constants.referencedClasses());
            defined.add(constants.shape().name());
        }

        /** After the class files: signature classes, the JDK classes referred to, the stub messages. */
        void finish() {
            READ_CLASSES.addAll(defined);
            lookUp();
            referenced.addAll(signatureClasses);
            followIntoJdk();
            for (ClassShape shape : shapes) {
                keep(OverpassMessages.of(shape, this::shape));
            }
        }

        private ClassFileConstants read(InputStream in, String where) throws IOException {
            ClassFileConstants constants;
            try {
                constants = ClassFileConstants.read(in);
            } catch (IOException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
            classFilesRead++;
            keep(constants.strings());
            shapes.add(constants.shape());
            known.put(constants.shape().name(), Optional.of(constants.shape()));
            return constants;
        }

        /**
         * Looks up through the loader the signature classes this pass did not read: its own classes
         * are found without a call into Java once loaded, and loading them all here would load
         * whole libraries. {@code Class.forName} (not {@code loadClass}) so that the JVM records the
         * loader as the class's initiating loader, which is what the compiler's lookup checks.
         * Classes that are missing (an optional dependency) are skipped: the compiler meets the same
         * gap.
         */
        private void lookUp() {
            if (loader == null) {
                return; // the boot loader resolves its own classes without calling Java
            }
            Set<String> done = LOOKED_UP.computeIfAbsent(loader, l -> new HashSet<>());
            for (String internalName : signatureClasses) {
                if (!defined.contains(internalName) && done.add(internalName)) {
                    try {
                        Class.forName(internalName.replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // absent optional dependency: nothing to prime
                    }
                }
            }
        }

        /**
         * Reads the JDK classes among the referenced ones and the JDK classes those refer to,
         * {@value #JDK_DEPTH} steps deep: a library's call into the JDK (an atomic field updater,
         * say) runs JDK code on the game thread, often in a nested class the library does not name,
         * and the JDK classes outside the JVM's class data archive have no strings resolved yet. A
         * class reached again with more steps left is followed further.
         */
        private void followIntoJdk() {
            ClassLoader jdk = ClassLoader.getPlatformClassLoader();
            List<String> level = referenced;
            for (int left = JDK_DEPTH - 1; left >= 0 && !level.isEmpty(); left--) {
                List<String> next = new ArrayList<>();
                for (String name : level) {
                    if (READ_CLASSES.contains(name) || NOT_IN_JDK.contains(name) || FOLLOWED_INTO_JDK.getOrDefault(name, -1) >= left) {
                        continue;
                    }
                    try (InputStream in = jdk.getResourceAsStream(name + ".class")) {
                        if (in == null) {
                            NOT_IN_JDK.add(name);
                            continue;
                        }
                        FOLLOWED_INTO_JDK.put(name, left);
                        ClassFileConstants constants = read(in, "the JDK's " + name);
                        next.addAll(constants.referencedClasses());
                        next.addAll(constants.descriptorClasses());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the JDK's class file " + name, e);
                    }
                }
                level = next;
            }
        }

        /** The shape of class {@code name}: read already, or read now through the loader (the JDK's for JDK classes). */
        private ClassShape shape(String name) {
            return known.computeIfAbsent(name, n -> {
                ClassLoader through = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
                try (InputStream in = through.getResourceAsStream(n + ".class")) {
                    return in == null ? Optional.empty() : Optional.of(ClassFileConstants.read(in).shape());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the class file of " + n, e);
                }
            }).orElse(null);
        }
    }
}
