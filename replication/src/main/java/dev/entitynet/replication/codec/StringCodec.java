package dev.entitynet.replication.codec;

import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.replication.codec.Accessors.TextGetter;
import dev.entitynet.replication.codec.Accessors.TextSetter;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.BytesStore;

/** {@code [u16 UTF-8 length][UTF-8 bytes]}; encodes straight from the chars, without a byte[]. */
final class StringCodec<C> implements PropertyCodec<C> {
    private final TextGetter<C> get;
    private final TextSetter<C> set;
    private final int maxUtf8Bytes;

    StringCodec(TextGetter<C> get, TextSetter<C> set, int maxUtf8Bytes) {
        if (maxUtf8Bytes < 0 || maxUtf8Bytes > 0xFFFF) {
            throw new IllegalArgumentException("string cap " + maxUtf8Bytes + " must be between 0 and 65535 UTF-8 bytes");
        }
        this.get = get;
        this.set = set;
        this.maxUtf8Bytes = maxUtf8Bytes;
    }

    @Override
    public int maxEncodedLength() {
        return 2 + maxUtf8Bytes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
        for (int i = 0; i < count; i++) {
            write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
        }
    }

    @Override
    public int write(C c, BytesStore<?, ?> out, long offset) {
        CharSequence s = get.get(c);
        int n = 0;
        if (s != null) {
            n = Utf8.encode(s, out, offset + 2, maxUtf8Bytes);
            if (n < 0) {
                throw new IllegalStateException("string value of " + s.length() + " chars exceeds this property's cap of "
                        + maxUtf8Bytes + " UTF-8 bytes; raise the cap in Codecs.string(...) or shorten the value");
            }
        }
        out.writeShort(offset, (short) n);
        return 2 + n;
    }

    @Override
    public int measure(BytesStore<?, ?> in, long offset, long limit) {
        if (limit - offset < 2) {
            return -1;
        }
        int n = in.readUnsignedShort(offset);
        return n <= maxUtf8Bytes && limit - offset - 2 >= n ? 2 + n : -1;
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        int n = in.readUnsignedShort(offset);
        byte[] utf8 = new byte[n];
        for (int i = 0; i < n; i++) {
            utf8[i] = in.readByte(offset + 2 + i);
        }
        set.set(c, new String(utf8, StandardCharsets.UTF_8));
    }
}
