package ai.foresight.encoders.cache;

import ai.foresight.datasets.store.AtomicFileWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy {@code .npy} files (format 1.0) of little-endian float32 or float16, so
 * cached features open directly with {@code numpy.load}.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A loaded array: row-major values and their shape. */
    public record Array(long[] shape, float[] values) {}

    private NpyFile() {}

    /** Writes {@code values} with {@code shape}, stored at {@code precision}, atomically. */
    public static void write(Path file, long[] shape, float[] values, FeaturePrecision precision) throws IOException {
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (count != values.length) {
            throw new IllegalArgumentException("values: expected " + count + " for shape " + Arrays.toString(shape) + ", got " + values.length);
        }
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '" + precision.numpyDescr() + "', 'fortran_order': False, 'shape': ("
                + (shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2)) + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * precision.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (precision == FeaturePrecision.FLOAT32) {
            data.asFloatBuffer().put(values);
        } else {
            for (float v : values) {
                data.putShort(HalfFloat.fromFloat(v));
            }
        }
        AtomicFileWriter.write(file, out -> {
            out.write(MAGIC);
            int len = header.length();
            out.write(new byte[] {(byte) len, (byte) (len >>> 8)});
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(data.array());
        });
    }

    /**
     * Reads a float32 or float16 {@code .npy} file as float32.
     *
     * @throws IOException if the file is not such an array, or its data are short
     */
    public static Array read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (magic[0] != MAGIC[0] || magic[1] != 'N' || magic[5] != 'Y' || magic[6] != 1) {
                throw new IOException(file + ": expected a version-1 .npy file");
            }
            int len = (in.readUnsignedByte()) | (in.readUnsignedByte() << 8);
            byte[] headerBytes = new byte[len];
            in.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.US_ASCII);
            Matcher d = DESCR.matcher(header);
            Matcher s = SHAPE.matcher(header);
            if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
                throw new IOException(file + ": unsupported .npy header " + header.trim());
            }
            FeaturePrecision precision = switch (d.group(1)) {
                case "<f4" -> FeaturePrecision.FLOAT32;
                case "<f2" -> FeaturePrecision.FLOAT16;
                default -> throw new IOException(file + ": expected dtype <f4 or <f2, got " + d.group(1));
            };
            long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            byte[] bytes = new byte[Math.toIntExact(count * precision.bytes())];
            in.readFully(bytes);
            ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[(int) count];
            if (precision == FeaturePrecision.FLOAT32) {
                data.asFloatBuffer().get(values);
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = HalfFloat.toFloat(data.getShort());
                }
            }
            return new Array(shape, values);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated .npy file", e);
        }
    }
}
