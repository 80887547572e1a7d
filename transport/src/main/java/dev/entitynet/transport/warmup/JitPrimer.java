package dev.entitynet.transport.warmup;

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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * stubs HotSpot adds for interface methods an abstract class leaves undeclared
 * ({@link OverpassMessages}). It also resolves the classes in the method's signature, calling
 * {@code ClassLoader.loadClass} (which allocates) for every JDK class the application's loader has
 * not looked up before. A method called a few times per tick becomes hot only after thousands of
 * ticks, so a game thread whose own code allocates nothing still shows a few hundred bytes to a few
 * kilobytes in a random tick, minutes into a run. Interning those strings first and looking the
 * signature classes up first makes both steps find what they need. The interned strings are kept
 * reachable for the life of the JVM (the string table holds its entries weakly).
 *
 * <p>Call it once at start-up, before measured work. It reads class files without loading the
 * classes they define, and the JDK classes they refer to; it loads (without initializing) the JDK
 * classes their method signatures name. About two seconds for the arena's 27 MB jar of 15,000 classes.
 */
public final class JitPrimer {
    /** How many steps the priming goes from the classes a library names into the JDK's. */
    private static final int JDK_DEPTH = 2;
    private static final Set<String> KEPT_STRINGS = new HashSet<>();
    private static final Set<String> READ_SOURCES = new HashSet<>();
    /** Internal names of the classes read, from sources and from the JDK, or looked for in the JDK and not found. */
    private static final Set<String> READ_CLASSES = new HashSet<>();
    private static final Map<ClassLoader, Set<String>> LOOKED_UP = new IdentityHashMap<>();

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
            if (READ_SOURCES.add(source.toString())) {
                Reading reading = new Reading(anchor.getClassLoader());
                try {
                    reading.source(source);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the classes of " + source, e);
                }
                reading.finish();
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
     * @throws UncheckedIOException when a class file cannot be read
     */
    public static synchronized int primeClassesOf(Class<?> type) {
        Reading reading = new Reading(type.getClassLoader());
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName().replace('.', '/');
            if (READ_CLASSES.add(name)) {
                try (InputStream in = c.getModule().getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        throw new IOException("no class file " + name + ".class in " + c.getModule());
                    }
                    reading.classFile(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
                }
            }
        }
        reading.finish();
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

        void source(Path source) throws IOException {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (file.toString().endsWith(".class")) {
                            try (InputStream in = Files.newInputStream(file)) {
                                classFile(in);
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
                            classFile(in);
                        }
                    }
                }
            }
        }

        void classFile(InputStream in) throws IOException {
            ClassFileConstants constants = ClassFileConstants.read(in);
            keep(constants.strings());
            signatureClasses.addAll(constants.descriptorClasses());
            referenced.addAll(constants.referencedClasses());
            ClassShape shape = constants.shape();
            defined.add(shape.name());
            shapes.add(shape);
            known.put(shape.name(), Optional.of(shape));
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

        /**
         * Looks up through the loader the signature classes this pass did not read: its own classes
         * are found without a call into Java once loaded, and loading them all here would load
         * whole libraries. Classes that are missing (an optional dependency) are skipped: the
         * compiler meets the same gap.
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
         * and the JDK classes outside the JVM's class data archive have no strings resolved yet.
         */
        private void followIntoJdk() {
            ClassLoader jdk = ClassLoader.getPlatformClassLoader();
            List<String> level = referenced;
            for (int depth = 0; depth < JDK_DEPTH && !level.isEmpty(); depth++) {
                List<String> next = new ArrayList<>();
                for (String name : level) {
                    if (!READ_CLASSES.add(name)) {
                        continue;
                    }
                    try (InputStream in = jdk.getResourceAsStream(name + ".class")) {
                        if (in != null) {
                            ClassFileConstants constants = ClassFileConstants.read(in);
                            keep(constants.strings());
                            known.put(name, Optional.of(constants.shape()));
                            shapes.add(constants.shape());
                            next.addAll(constants.referencedClasses());
                            next.addAll(constants.descriptorClasses());
                        }
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
