package ai.foresight.datasets.store;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encodes Java arrays as npy bytes and decodes them back, through ND4J
 * ({@link Nd4j#toNpyByteArray}, {@link Nd4j#createNpyFromByteArray}).
 *
 * <p>Arrays enter ND4J with one bulk copy into an uninitialised C-order array: ND4J's own
 * {@code Nd4j.create(byte[], shape, UINT8)} copies element by element through an indexer, which
 * profiling showed to be the largest single cost of writing an episode.
 *
 * <p>ND4J 1.0.0-M2.1 writes correct version 1.0 headers ({@code |u1}, {@code <f4}, {@code <f8},
 * C order, data 64-byte aligned), which numpy 2.x reads as is. It fails on zero-size arrays (a
 * {@code NullPointerException} inside {@code toNpyByteArray}), so those are written here with a header
 * from {@link NpyHeader#format}. Decoding parses and checks the header in Java first, so only
 * well-formed, complete entries reach native code.
 */
public final class NpyCodec {
    private NpyCodec() {}

    /** npy bytes of a C-order uint8 array. */
    public static byte[] encodeUint8(byte[] data, long... shape) {
        checkLength(data.length, shape);
        if (data.length == 0) {
            return NpyHeader.format(Dtype.UINT8.descr(), shape);
        }
        try (INDArray a = Nd4j.createUninitialized(DataType.UINT8, shape)) {
            new BytePointer(a.data().addressPointer()).put(data, 0, data.length);
            return Nd4j.toNpyByteArray(a);
        }
    }

    /** npy bytes of a C-order float32 array. */
    public static byte[] encodeFloat32(float[] data, long... shape) {
        checkLength(data.length, shape);
        if (data.length == 0) {
            return NpyHeader.format(Dtype.FLOAT32.descr(), shape);
        }
        try (INDArray a = Nd4j.createUninitialized(DataType.FLOAT, shape)) {
            new FloatPointer(a.data().addressPointer()).put(data, 0, data.length);
            return Nd4j.toNpyByteArray(a);
        }
    }

    /** npy bytes of a C-order float64 array. */
    public static byte[] encodeFloat64(double[] data, long... shape) {
        checkLength(data.length, shape);
        if (data.length == 0) {
            return NpyHeader.format(Dtype.FLOAT64.descr(), shape);
        }
        try (INDArray a = Nd4j.createUninitialized(DataType.DOUBLE, shape)) {
            new DoublePointer(a.data().addressPointer()).put(data, 0, data.length);
            return Nd4j.toNpyByteArray(a);
        }
    }

    private static void checkLength(int length, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("data: expected " + n + " elements for shape "
                    + java.util.Arrays.toString(shape) + ", got " + length);
        }
    }

    /**
     * Checks an npy entry against its expected dtype and shape, then decodes its elements.
     *
     * @return a {@code byte[]}, {@code float[]} or {@code double[]} matching {@code expected.type()}
     * @throws CorruptDatasetException naming {@code file} and {@code field} when the header is
     *     malformed, the dtype, order or shape differ, or the data is shorter or longer than the shape
     */
    public static Object decode(byte[] npy, FieldSpec expected, String file, String field)
            throws CorruptDatasetException {
        NpyHeader h = NpyHeader.parse(npy, file, field);
        Dtype type = Dtype.fromDescr(h.descr());
        if (type != expected.type()) {
            throw new CorruptDatasetException(file, field, "expected dtype " + expected.dtype() + ", got " + h.descr());
        }
        if (h.fortranOrder()) {
            throw new CorruptDatasetException(file, field, "expected C order, got fortran_order True");
        }
        if (!h.shapeList().equals(expected.shape())) {
            throw new CorruptDatasetException(file, field, "expected shape " + expected.shape() + ", got " + h.shapeList());
        }
        long dataBytes = h.elements() * type.itemSize();
        long actual = npy.length - (long) h.dataOffset();
        if (actual != dataBytes) {
            throw new CorruptDatasetException(file, field, "expected " + dataBytes + " data bytes for shape "
                    + h.shapeList() + ", got " + actual + (actual < dataBytes ? " (truncated)" : ""));
        }
        int n = (int) h.elements();
        if (n == 0) {
            return switch (type) {
                case UINT8 -> new byte[0];
                case FLOAT32 -> new float[0];
                case FLOAT64 -> new double[0];
            };
        }
        try (INDArray a = Nd4j.createNpyFromByteArray(npy)) {
            return switch (type) {
                case UINT8 -> {
                    byte[] out = new byte[n];
                    a.data().asNio().get(out);
                    yield out;
                }
                case FLOAT32 -> a.data().asFloat();
                case FLOAT64 -> a.data().asDouble();
            };
        } catch (RuntimeException e) {
            throw new CorruptDatasetException(file, field, "ND4J could not decode the npy entry: " + e.getMessage(), e);
        }
    }
}
