package ai.foresight.datasets.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of an npy file (numpy's {@code .npy} format, versions 1.0 to 3.0): the magic string
 * {@code \x93NUMPY}, a version, a little-endian header length and a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}, padded with spaces and a newline so the data
 * starts on a 64-byte boundary.
 *
 * <p>Parsing is done here in Java, before any bytes reach native code, so that a malformed or
 * truncated entry is reported as a {@link CorruptDatasetException} instead of crashing the JVM.
 *
 * @param descr element type, e.g. {@code <f4}
 * @param fortranOrder whether the data is column-major (the store only accepts {@code false})
 * @param shape array dimensions
 * @param dataOffset byte offset of the first element
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Number of elements. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as a list, for comparison with a {@link FieldSpec}. */
    public List<Long> shapeList() {
        List<Long> out = new ArrayList<>(shape.length);
        for (long d : shape) {
            out.add(d);
        }
        return out;
    }

    /**
     * Parses the header at the start of {@code npy}.
     *
     * @param file file name for error messages
     * @param field array name for error messages
     */
    public static NpyHeader parse(byte[] npy, String file, String field) throws CorruptDatasetException {
        if (npy.length < 10) {
            throw new CorruptDatasetException(file, field, "npy entry truncated: " + npy.length + " bytes, no header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (npy[i] != MAGIC[i]) {
                throw new CorruptDatasetException(file, field, "not an npy array (magic string \\x93NUMPY missing)");
            }
        }
        int major = npy[6] & 0xFF;
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (npy.length < 12) {
                throw new CorruptDatasetException(file, field, "npy entry truncated inside its header length");
            }
            headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8 | (npy[10] & 0xFF) << 16 | (npy[11] & 0xFF) << 24;
            start = 12;
        } else {
            throw new CorruptDatasetException(file, field, "unsupported npy version " + major + "." + (npy[7] & 0xFF));
        }
        if (headerLength < 0 || start + (long) headerLength > npy.length) {
            throw new CorruptDatasetException(file, field, "npy header length " + headerLength
                    + " runs past the entry's " + npy.length + " bytes");
        }
        String dict = new String(npy, start, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        return parseDict(dict, start + headerLength, file, field);
    }

    private static NpyHeader parseDict(String dict, int dataOffset, String file, String field)
            throws CorruptDatasetException {
        if (!dict.startsWith("{") || !dict.endsWith("}")) {
            throw new CorruptDatasetException(file, field, "npy header is not a dict: " + dict);
        }
        String descr = stringValue(dict, "descr", file, field);
        String order = rawValue(dict, "fortran_order", file, field);
        boolean fortran;
        if (order.startsWith("False")) {
            fortran = false;
        } else if (order.startsWith("True")) {
            fortran = true;
        } else {
            throw new CorruptDatasetException(file, field, "npy header fortran_order is neither True nor False");
        }
        String shapeText = rawValue(dict, "shape", file, field);
        if (!shapeText.startsWith("(")) {
            throw new CorruptDatasetException(file, field, "npy header shape is not a tuple");
        }
        int close = shapeText.indexOf(')');
        if (close < 0) {
            throw new CorruptDatasetException(file, field, "npy header shape tuple is not closed");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : shapeText.substring(1, close).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                long d = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new CorruptDatasetException(file, field, "npy header shape has a bad dimension '" + p + "'");
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new NpyHeader(descr, fortran, shape, dataOffset);
    }

    private static String rawValue(String dict, String key, String file, String field) throws CorruptDatasetException {
        int k = dict.indexOf("'" + key + "'");
        if (k < 0) {
            k = dict.indexOf("\"" + key + "\"");
        }
        if (k < 0) {
            throw new CorruptDatasetException(file, field, "npy header has no '" + key + "' key");
        }
        int colon = dict.indexOf(':', k + key.length() + 2);
        if (colon < 0) {
            throw new CorruptDatasetException(file, field, "npy header key '" + key + "' has no value");
        }
        return dict.substring(colon + 1).trim();
    }

    private static String stringValue(String dict, String key, String file, String field) throws CorruptDatasetException {
        String raw = rawValue(dict, key, file, field);
        if (raw.isEmpty() || (raw.charAt(0) != '\'' && raw.charAt(0) != '"')) {
            throw new CorruptDatasetException(file, field, "npy header '" + key + "' is not a string");
        }
        int end = raw.indexOf(raw.charAt(0), 1);
        if (end < 0) {
            throw new CorruptDatasetException(file, field, "npy header '" + key + "' string is not closed");
        }
        return raw.substring(1, end);
    }

    /**
     * Formats a version 1.0 header for a C-order array, padded so the data starts at a multiple of
     * 64 bytes, as numpy does.
     */
    public static byte[] format(String descr, long[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                s.append(shape.length == 1 ? "," : ", ");
            }
        }
        s.append("), }");
        int unpadded = MAGIC.length + 4 + s.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        s.append(" ".repeat(padded - unpadded)).append('\n');
        byte[] dict = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (dict.length > 0xFFFF) {
            throw new IllegalArgumentException("shape: too many dimensions for an npy 1.0 header: " + shape.length);
        }
        byte[] out = new byte[10 + dict.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) dict.length;
        out[9] = (byte) (dict.length >>> 8);
        System.arraycopy(dict, 0, out, 10, dict.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.descr.equals(descr) && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape) && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return descr.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + descr + ", fortran_order " + fortranOrder + ", shape " + Arrays.toString(shape) + "]";
    }
}
