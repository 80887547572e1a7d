package dev.entitynet.warmup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a class file (JVMS 4) holds that HotSpot resolves when it compiles one of the class's
 * methods: its string constants and the classes named in method descriptors; the classes it refers
 * to, whose methods the compiled code may call; and its place in the type hierarchy.
 *
 * @param strings every {@code CONSTANT_String}, in pool order
 * @param descriptorClasses internal names ({@code java/lang/String}) of the classes in the pool's
 *     method descriptors, duplicates included
 * @param referencedClasses internal names of the {@code CONSTANT_Class} entries (the element class
 *     of an array class), this class and its superclass included
 * @param shape the class's name, supertypes and instance methods
 */
record ClassFileConstants(List<String> strings, List<String> descriptorClasses, List<String> referencedClasses, ClassShape shape) {
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int MAGIC = 0xCAFEBABE;
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    /**
     * Reads the class file in {@code classFile} as far as its methods.
     *
     * @throws IOException when the stream fails or does not hold a well-formed class file
     */
    static ClassFileConstants read(InputStream classFile) throws IOException {
        try {
            return readChecked(new DataInputStream(classFile));
        } catch (EOFException e) {
            throw new IOException("truncated class file", e);
        }
    }

    private static ClassFileConstants readChecked(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (bad magic number)");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        if (count == 0) {
            throw new IOException("constant pool count 0: a class file has at least one entry");
        }
        String[] utf8 = new String[count];
        int[] stringIndexes = new int[count];
        int stringCount = 0;
        int[] classNameAt = new int[count]; // by pool index: the name's index for CONSTANT_Class, else 0
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF(); // the same modified UTF-8 as DataInput's
                case STRING -> stringIndexes[stringCount++] = in.readUnsignedShort();
                case CLASS -> classNameAt[i] = in.readUnsignedShort();
                case METHOD_TYPE, MODULE, PACKAGE -> in.skipNBytes(2);
                case METHOD_HANDLE -> in.skipNBytes(3);
                case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> in.skipNBytes(4);
                case LONG, DOUBLE -> {
                    if (i == count - 1) {
                        throw new IOException("an 8-byte constant in the last pool entry " + i + ", which has no room for its second slot");
                    }
                    in.skipNBytes(8);
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        List<String> strings = new ArrayList<>(stringCount);
        for (int s = 0; s < stringCount; s++) {
            strings.add(utf8At(utf8, stringIndexes[s], "string constant"));
        }
        List<String> referenced = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (classNameAt[i] != 0) {
                String name = utf8At(utf8, classNameAt[i], "class constant");
                int element = name.lastIndexOf('[') + 1;
                if (element == 0) {
                    referenced.add(name);
                } else if (name.length() > element + 2 && name.charAt(element) == 'L' && name.endsWith(";")) {
                    referenced.add(name.substring(element + 1, name.length() - 1));
                }
            }
        }
        List<String> descriptorClasses = new ArrayList<>();
        for (String text : utf8) {
            if (text != null && text.startsWith("(")) {
                MethodDescriptors.addClasses(text, descriptorClasses);
            }
        }
        return new ClassFileConstants(strings, descriptorClasses, referenced, readShape(in, utf8, classNameAt));
    }

    /** Reads what follows the constant pool: access flags, this and super class, interfaces, and the methods. */
    private static ClassShape readShape(DataInputStream in, String[] utf8, int[] classNameAt) throws IOException {
        int access = in.readUnsignedShort();
        String name = classAt(utf8, classNameAt, in.readUnsignedShort(), "this class");
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : classAt(utf8, classNameAt, superIndex, "super class");
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(classAt(utf8, classNameAt, in.readUnsignedShort(), "interface"));
        }
        int fieldCount = in.readUnsignedShort();
        for (int f = 0; f < fieldCount; f++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        List<String> abstractMethods = new ArrayList<>();
        List<String> concreteMethods = new ArrayList<>();
        for (int m = 0; m < methodCount; m++) {
            int flags = in.readUnsignedShort();
            String methodName = utf8At(utf8, in.readUnsignedShort(), "method name");
            String method = methodName + utf8At(utf8, in.readUnsignedShort(), "method descriptor");
            skipAttributes(in);
            if ((flags & (ACC_STATIC | ACC_PRIVATE)) == 0 && !methodName.equals("<init>")) {
                ((flags & ACC_ABSTRACT) != 0 ? abstractMethods : concreteMethods).add(method);
            }
        }
        return new ClassShape(name, superName, interfaces, (access & ACC_INTERFACE) != 0, abstractMethods, concreteMethods);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int a = 0; a < count; a++) {
            in.skipNBytes(2);
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    private static String classAt(String[] utf8, int[] classNameAt, int index, String kind) throws IOException {
        if (index <= 0 || index >= classNameAt.length || classNameAt[index] == 0) {
            throw new IOException(kind + " index " + index + " is not a CONSTANT_Class entry");
        }
        return utf8At(utf8, classNameAt[index], kind + " name");
    }

    private static String utf8At(String[] utf8, int index, String kind) throws IOException {
        if (index <= 0 || index >= utf8.length || utf8[index] == null) {
            throw new IOException(kind + " points at pool entry " + index + ", which is not a UTF-8 entry");
        }
        return utf8[index];
    }
}
