package dev.entitynet.transport.warmup;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a class file's constant pool (JVMS 4.4) holds that HotSpot resolves when it compiles one of
 * the class's methods: its string constants, and the classes named in method descriptors.
 *
 * @param strings every {@code CONSTANT_String}, in pool order
 * @param descriptorClasses internal names ({@code java/lang/String}) of the classes in the pool's
 *     method descriptors, duplicates included
 */
record ClassFileConstants(List<String> strings, List<String> descriptorClasses) {
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
     * Reads the constant pool of the class file in {@code classFile}, no further.
     *
     * @throws IOException when the stream fails or does not hold a class file
     */
    static ClassFileConstants read(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (bad magic number)");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] stringIndexes = new int[count];
        int stringCount = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF(); // the same modified UTF-8 as DataInput's
                case STRING -> stringIndexes[stringCount++] = in.readUnsignedShort();
                case CLASS, METHOD_TYPE, MODULE, PACKAGE -> in.skipNBytes(2);
                case METHOD_HANDLE -> in.skipNBytes(3);
                case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> in.skipNBytes(4);
                case LONG, DOUBLE -> {
                    in.skipNBytes(8);
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        List<String> strings = new ArrayList<>(stringCount);
        for (int s = 0; s < stringCount; s++) {
            int index = stringIndexes[s];
            if (index <= 0 || index >= count || utf8[index] == null) {
                throw new IOException("string constant points at entry " + index + ", which is not a UTF-8 entry");
            }
            strings.add(utf8[index]);
        }
        List<String> classes = new ArrayList<>();
        for (String text : utf8) {
            if (text != null && text.startsWith("(")) {
                MethodDescriptors.addClasses(text, classes);
            }
        }
        return new ClassFileConstants(strings, classes);
    }
}
