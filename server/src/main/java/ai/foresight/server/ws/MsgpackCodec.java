package ai.foresight.server.ws;

import ai.foresight.server.core.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * msgpack with openpi's numpy convention, in both directions.
 *
 * <p>Decoding yields plain Java values: {@code Map<String, Object>} (keys may arrive as str or as bin, as Python's
 * msgpack writes {@code bytes} keys), {@code List<Object>}, {@code String}, {@code byte[]}, {@code Long},
 * {@code Double}, {@code Boolean}, null, and {@link NdArray} for maps tagged {@code __ndarray__} ({@code __npgeneric__}
 * scalars become their plain value). Untrusted input is bounded: nesting depth, and every declared length is checked
 * against the bytes actually left before anything is allocated.
 *
 * <p>Encoding writes the ndarray tag keys as bin, exactly as {@code msgpack_numpy.pack_array} does, because openpi
 * clients look the keys up as {@code b"__ndarray__"}.
 */
public final class MsgpackCodec {

    private static final int MAX_DEPTH = 16;
    private static final String NDARRAY = "__ndarray__";
    private static final String NPGENERIC = "__npgeneric__";

    /** Decodes one message. @throws ApiException 400 {@code malformed_msgpack} naming {@code message} */
    public Object decode(byte[] bytes, int offset, int length) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes, offset, length)) {
            Object value = read(unpacker, length, 0);
            if (unpacker.hasNext()) {
                throw malformed("trailing bytes after the first msgpack value");
            }
            return value;
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed("expected one complete msgpack value; the message is truncated or corrupt");
        }
    }

    /** Encodes maps, lists, strings, numbers, booleans, null, {@code byte[]} and {@link NdArray}. */
    public byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory msgpack write failed", e);
        }
    }

    private Object read(MessageUnpacker in, int total, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw malformed("nesting deeper than " + MAX_DEPTH + " levels");
        }
        MessageFormat format = in.getNextFormat();
        ValueType type = format.getValueType();
        switch (type) {
            case NIL -> {
                in.unpackNil();
                return null;
            }
            case BOOLEAN -> {
                return in.unpackBoolean();
            }
            case INTEGER -> {
                if (format == MessageFormat.UINT64) {
                    java.math.BigInteger big = in.unpackBigInteger();
                    return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
                }
                return in.unpackLong();
            }
            case FLOAT -> {
                return in.unpackDouble();
            }
            case STRING -> {
                return new String(payload(in, in.unpackRawStringHeader(), total), StandardCharsets.UTF_8);
            }
            case BINARY -> {
                return payload(in, in.unpackBinaryHeader(), total);
            }
            case ARRAY -> {
                int n = in.unpackArrayHeader();
                requireAvailable(in, n, total);
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(read(in, total, depth + 1));
                }
                return list;
            }
            case MAP -> {
                int n = in.unpackMapHeader();
                requireAvailable(in, 2L * n, total);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = readKey(in, total);
                    if (map.containsKey(key)) {
                        throw malformed("duplicate map key '" + shorten(key) + "'");
                    }
                    map.put(key, read(in, total, depth + 1));
                }
                return tagged(map);
            }
            default -> throw malformed("msgpack " + type.name().toLowerCase() + " values are not accepted");
        }
    }

    private String readKey(MessageUnpacker in, int total) throws IOException {
        ValueType type = in.getNextFormat().getValueType();
        if (type == ValueType.STRING) {
            return new String(payload(in, in.unpackRawStringHeader(), total), StandardCharsets.UTF_8);
        }
        if (type == ValueType.BINARY) {
            return new String(payload(in, in.unpackBinaryHeader(), total), StandardCharsets.UTF_8);
        }
        throw malformed("map keys must be strings, got " + type.name().toLowerCase());
    }

    /** Turns openpi's numpy tag maps into {@link NdArray}s or plain scalars. */
    private static Object tagged(Map<String, Object> map) {
        if (Boolean.TRUE.equals(map.get(NDARRAY))) {
            Object data = map.get("data");
            Object dtype = map.get("dtype");
            Object shape = map.get("shape");
            if (!(data instanceof byte[] bytes) || !(dtype instanceof String d) || !(shape instanceof List<?> dims)) {
                throw ApiException.badRequest("malformed_ndarray", "message", "expected __ndarray__ maps with bin "
                        + "data, str dtype and an array shape");
            }
            long[] s = new long[dims.size()];
            for (int i = 0; i < s.length; i++) {
                if (!(dims.get(i) instanceof Long l) || l < 0) {
                    throw ApiException.badRequest("malformed_ndarray", "message", "expected non-negative integer "
                            + "shape entries, got " + dims);
                }
                s[i] = l;
            }
            return new NdArray(d, s, bytes);
        }
        if (Boolean.TRUE.equals(map.get(NPGENERIC))) {
            return map.get("data");
        }
        return map;
    }

    private static byte[] payload(MessageUnpacker in, int length, int total) throws IOException {
        requireAvailable(in, length, total);
        return in.readPayload(length);
    }

    /** Rejects a declared length larger than the bytes left, before allocating for it. */
    private static void requireAvailable(MessageUnpacker in, long needed, int total) {
        long left = total - in.getTotalReadBytes();
        if (needed < 0 || needed > left) {
            throw malformed("a declared length of " + needed + " exceeds the " + left + " bytes left in the message");
        }
    }

    @SuppressWarnings("unchecked")
    private void write(MessageBufferPacker out, Object value) throws IOException {
        if (value == null) {
            out.packNil();
        } else if (value instanceof Map<?, ?> map) {
            out.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.packString(String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
        } else if (value instanceof List<?> list) {
            out.packArrayHeader(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof NdArray array) {
            out.packMapHeader(4);
            binaryKey(out, NDARRAY);
            out.packBoolean(true);
            binaryKey(out, "data");
            out.packBinaryHeader(array.data().length);
            out.writePayload(array.data());
            binaryKey(out, "dtype");
            out.packString(array.dtype());
            binaryKey(out, "shape");
            out.packArrayHeader(array.shape().length);
            for (long d : array.shape()) {
                out.packLong(d);
            }
        } else if (value instanceof String s) {
            out.packString(s);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof Double || value instanceof Float) {
            out.packDouble(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            out.packLong(n.longValue());
        } else {
            throw new IllegalArgumentException("value: cannot encode " + value.getClass().getName() + " as msgpack");
        }
    }

    private static void binaryKey(MessageBufferPacker out, String key) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        out.packBinaryHeader(bytes.length);
        out.writePayload(bytes);
    }

    private static ApiException malformed(String message) {
        return ApiException.badRequest("malformed_msgpack", "message", message);
    }

    private static String shorten(String key) {
        return key.length() <= 32 ? key : key.substring(0, 32) + "...";
    }
}
