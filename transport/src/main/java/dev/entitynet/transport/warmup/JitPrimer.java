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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Does ahead of time, once, what HotSpot would otherwise do on a game thread when its JIT compiler
 * first optimizes one of a library's methods, so that thread allocates nothing then.
 *
 * <p>Why: before the optimizing compiler (C2) compiles a method, the thread whose call made it hot
 * resolves every string constant of the method's class (error messages included), allocating each
 * one that is not in the JVM's string table yet, and resolves the classes in the method's
 * signature, calling {@code ClassLoader.loadClass} (which allocates) for every JDK class the
 * application's loader has not looked up before. A method called a few times per tick becomes hot
 * only after thousands of ticks, so a game thread whose own code allocates nothing still shows a
 * few hundred bytes to a few kilobytes in a random tick, minutes into a run. Interning the
 * literals first and looking the signature classes up first makes both steps find what they need.
 * The interned strings are kept reachable for the life of the JVM (the string table holds its
 * entries weakly).
 *
 * <p>Call it once at start-up, before measured work. It reads class files without loading the
 * classes they define; it loads (without initializing) the JDK classes their method signatures
 * name. About a second for a jar of ten thousand classes.
 */
public final class JitPrimer {
    private static final Set<String> KEPT_LITERALS = new HashSet<>();
    private static final Set<String> READ_SOURCES = new HashSet<>();
    /** Internal names of the class files read, from sources and from the JDK. */
    private static final Set<String> READ_CLASSES = new HashSet<>();
    /** Internal names already looked for among the JDK's classes, found or not. */
    private static final Set<String> LOOKED_FOR_IN_JDK = new HashSet<>();
    /** How many steps {@link #followIntoJdk} goes from the classes a library names. */
    private static final int JDK_DEPTH = 2;
    private static final Map<ClassLoader, Set<String>> LOOKED_UP = new IdentityHashMap<>();

    private JitPrimer() {
    }

    /**
     * Primes every class in the jars or directories that hold {@code anchors} (each read once per
     * JVM, however often it is named).
     *
     * @return the number of distinct literals interned so far
     * @throws IllegalArgumentException when an anchor has no jar or directory to read (a JDK class,
     *     a generated class); name a class of the library instead
     * @throws UncheckedIOException when a jar or class file cannot be read
     */
    public static synchronized int primeCodeSourcesOf(Class<?>... anchors) {
        for (Class<?> anchor : anchors) {
            Path source = codeSource(anchor);
            if (READ_SOURCES.add(source.toString())) {
                try {
                    prime(source, anchor.getClassLoader());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the classes of " + source, e);
                }
            }
        }
        return KEPT_LITERALS.size();
    }

    /**
     * Primes {@code type} and its superclasses, each read once per JVM. Reads JDK classes too (from
     * their modules), which {@link #primeCodeSourcesOf} cannot: for example the class of a
     * {@code ThreadMXBean} a game thread calls every tick.
     *
     * @return the number of distinct literals interned so far
     * @throws UncheckedIOException when a class file cannot be read
     */
    public static synchronized int primeClassesOf(Class<?> type) {
        List<String> referenced = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String name = c.getName().replace('.', '/');
            if (READ_CLASSES.add(name)) {
                try (InputStream in = c.getModule().getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        throw new IOException("no class file " + name + ".class in " + c.getModule());
                    }
                    ClassFileConstants constants = ClassFileConstants.read(in);
                    keep(constants.strings());
                    lookUp(constants.descriptorClasses(), c.getClassLoader(), Set.of());
                    referenced.addAll(constants.referencedClasses());
                    referenced.addAll(constants.descriptorClasses());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
                }
            }
        }
        followIntoJdk(referenced);
        return KEPT_LITERALS.size();
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

    private static void prime(Path source, ClassLoader loader) throws IOException {
        Set<String> defined = new HashSet<>();
        List<String> signatureClasses = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (name.endsWith(".class")) {
                        try (InputStream in = Files.newInputStream(file)) {
                            read(name, in, defined, signatureClasses, referenced);
                        }
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(source.toFile())) {
                Enumeration<? extends ZipEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            read(entry.getName(), in, defined, signatureClasses, referenced);
                        }
                    }
                }
            }
        }
        READ_CLASSES.addAll(defined);
        lookUp(signatureClasses, loader, defined);
        referenced.addAll(signatureClasses);
        followIntoJdk(referenced);
    }

    private static void read(String fileName, InputStream in, Set<String> defined, List<String> signatureClasses, List<String> referenced)
            throws IOException {
        ClassFileConstants constants = ClassFileConstants.read(in);
        keep(constants.strings());
        signatureClasses.addAll(constants.descriptorClasses());
        referenced.addAll(constants.referencedClasses());
        defined.add(fileName.substring(0, fileName.length() - ".class".length()));
    }

    /**
     * Reads the JDK classes among {@code names} and the JDK classes those refer to, {@value #JDK_DEPTH}
     * steps deep: a library's call into the JDK (an atomic field updater, say) runs JDK code on the
     * game thread, often in a nested class the library does not name, and the JDK classes outside
     * the JVM's class data archive have no literals resolved yet. Classes that are not the JDK's are
     * left to {@link #primeCodeSourcesOf}.
     */
    private static void followIntoJdk(List<String> names) {
        ClassLoader jdk = ClassLoader.getPlatformClassLoader();
        List<String> level = names;
        for (int depth = 0; depth < JDK_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String name : level) {
                if (READ_CLASSES.contains(name) || !LOOKED_FOR_IN_JDK.add(name)) {
                    continue;
                }
                try (InputStream in = jdk.getResourceAsStream(name + ".class")) {
                    if (in == null) {
                        continue; // not a JDK class
                    }
                    READ_CLASSES.add(name);
                    ClassFileConstants constants = ClassFileConstants.read(in);
                    keep(constants.strings());
                    next.addAll(constants.referencedClasses());
                    next.addAll(constants.descriptorClasses());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the JDK's class file " + name, e);
                }
            }
            level = next;
        }
    }

    private static void keep(List<String> literals) {
        for (String literal : literals) {
            KEPT_LITERALS.add(literal.intern());
        }
    }

    /**
     * Looks up through {@code loader} the signature classes that {@code defined} (the source being
     * primed) does not define: the source's own classes are found without a call into Java once
     * loaded, and loading them all here would load whole libraries. Classes that are missing (an
     * optional dependency) are skipped: the compiler meets the same gap.
     */
    private static void lookUp(List<String> internalNames, ClassLoader loader, Set<String> defined) {
        if (loader == null) {
            return; // the boot loader resolves its own classes without calling Java
        }
        Set<String> done = LOOKED_UP.computeIfAbsent(loader, l -> new HashSet<>());
        for (String internalName : internalNames) {
            if (!defined.contains(internalName) && done.add(internalName)) {
                try {
                    Class.forName(internalName.replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // absent optional dependency: nothing to prime
                }
            }
        }
    }
}
