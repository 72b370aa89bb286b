package ai.foresight.server.ws;

import ai.foresight.server.core.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A numpy array as it travels in msgpack: dtype string ({@code "<f4"}, {@code "|u1"}, ...), shape and the raw
 * C-order bytes. Only plain numeric and boolean dtypes are supported; object, void and complex arrays are not.
 *
 * @param dtype numpy {@code dtype.str}
 * @param shape dimensions, each >= 0
 * @param data  row-major element bytes
 */
public record NdArray(String dtype, long[] shape, byte[] data) {

    /** A float32 little-endian (rows, cols) array. */
    public static NdArray ofRows(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        return new NdArray("<f4", new long[] {rows.length, cols}, buffer.array());
    }

    /** Number of elements, or -1 when the shape is invalid or overflows. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            if (d < 0 || (d > 0 && n > Long.MAX_VALUE / d)) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /**
     * The elements as doubles.
     *
     * @param field the array's key in the message, for errors
     * @throws ApiException 400 for unsupported dtypes or a byte count that does not match the shape
     */
    public double[] toDoubles(String field) {
        if (dtype == null || dtype.length() < 2) {
            throw unsupported(field);
        }
        char order = dtype.charAt(0);
        String kindAndSize = "<>|=".indexOf(order) >= 0 ? dtype.substring(1) : dtype;
        ByteOrder byteOrder = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int itemSize = switch (kindAndSize) {
            case "f8", "i8", "u8" -> 8;
            case "f4", "i4", "u4" -> 4;
            case "i2", "u2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> throw unsupported(field);
        };
        long count = size();
        if (count < 0 || count * itemSize != data.length) {
            throw ApiException.badRequest("invalid_length", field + ".data", "expected " + Math.max(count, 0) * itemSize
                    + " bytes for shape " + Arrays.toString(shape) + " " + dtype + ", got " + data.length);
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(byteOrder);
        double[] out = new double[(int) count];
        for (int i = 0; i < out.length; i++) {
            int at = i * itemSize;
            out[i] = switch (kindAndSize) {
                case "f8" -> in.getDouble(at);
                case "f4" -> in.getFloat(at);
                case "i8" -> in.getLong(at);
                case "u8" -> unsignedLong(in.getLong(at));
                case "i4" -> in.getInt(at);
                case "u4" -> Integer.toUnsignedLong(in.getInt(at));
                case "i2" -> in.getShort(at);
                case "u2" -> Short.toUnsignedInt(in.getShort(at));
                case "i1" -> in.get(at);
                default -> Byte.toUnsignedInt(in.get(at));
            };
        }
        return out;
    }

    private static double unsignedLong(long bits) {
        return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1);
    }

    private ApiException unsupported(String field) {
        return ApiException.badRequest("invalid_dtype", field + ".dtype", "expected a numeric dtype such as \"<f4\", "
                + "\"<f8\" or \"|u1\", got \"" + dtype + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray n && n.dtype.equals(dtype) && Arrays.equals(n.shape, shape)
                && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NdArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
