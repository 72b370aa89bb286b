package ai.foresight.datasets.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The npy bytes ND4J writes carry valid headers, parsed independently here, and decode back. */
class NpyHeaderTest {

    /** Reads the header by hand: magic, version, little-endian length, dict text. */
    private static String rawDict(byte[] npy) {
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, npy[6], "major version");
        assertEquals(0, npy[7], "minor version");
        int len = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        assertEquals(0, (10 + len) % 64, "data must start on a 64-byte boundary");
        assertEquals('\n', (char) npy[10 + len - 1], "header ends with a newline");
        return new String(npy, 10, len, StandardCharsets.ISO_8859_1).trim();
    }

    @Test
    void uint8HeaderAndData() throws Exception {
        byte[] data = {1, 2, (byte) 200, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        byte[] npy = NpyCodec.encodeUint8(data, 2, 2, 1, 3);
        assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2, 1, 3), }", rawDict(npy));
        NpyHeader h = NpyHeader.parse(npy, "f", "obs");
        assertEquals("|u1", h.descr());
        assertFalse(h.fortranOrder());
        assertArrayEquals(new long[] {2, 2, 1, 3}, h.shape());
        assertEquals(npy.length - data.length, h.dataOffset());
        byte[] back = (byte[]) NpyCodec.decode(npy, FieldSpec.of(Dtype.UINT8, 2, 2, 1, 3), "f", "obs");
        assertArrayEquals(data, back);
    }

    @Test
    void float32AndFloat64HeadersAndLittleEndianData() throws Exception {
        float[] f = {1.5f, -2f, 3.25f, 1e-7f, 5f, 6f};
        byte[] npy = NpyCodec.encodeFloat32(f, 3, 2);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", rawDict(npy));
        NpyHeader h = NpyHeader.parse(npy, "f", "action");
        float[] raw = new float[6];
        ByteBuffer.wrap(npy, h.dataOffset(), 24).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(raw);
        assertArrayEquals(f, raw, "data is little-endian float32 in C order");

        double[] d = {Math.PI, -1e300, 0.1};
        byte[] npy64 = NpyCodec.encodeFloat64(d, 3);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", rawDict(npy64));
        double[] back = (double[]) NpyCodec.decode(npy64, FieldSpec.of(Dtype.FLOAT64, 3), "f", "state");
        assertArrayEquals(d, back);
    }

    @Test
    void emptyArraysGetAHandWrittenHeader() throws Exception {
        byte[] npy = NpyCodec.encodeFloat32(new float[0], 4, 0);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 0), }", rawDict(npy));
        float[] back = (float[]) NpyCodec.decode(npy, FieldSpec.of(Dtype.FLOAT32, 4, 0), "f", "proprio");
        assertEquals(0, back.length);
    }

    @Test
    void formatMatchesNd4jForNonEmptyArrays() {
        byte[] nd4j = NpyCodec.encodeFloat32(new float[] {1, 2, 3}, 3);
        byte[] ours = NpyHeader.format("<f4", new long[] {3});
        assertArrayEquals(ours, java.util.Arrays.copyOf(nd4j, ours.length));
    }

    @Test
    void malformedHeadersNameFileAndField() {
        byte[] good = NpyCodec.encodeFloat32(new float[] {1, 2}, 2);
        byte[] badMagic = good.clone();
        badMagic[1] = 'X';
        var e1 = assertThrows(CorruptDatasetException.class, () -> NpyHeader.parse(badMagic, "ep.npz", "reward"));
        assertTrue(e1.getMessage().startsWith("ep.npz: reward: "), e1.getMessage());
        byte[] shortHeader = java.util.Arrays.copyOf(good, 40);
        var e2 = assertThrows(CorruptDatasetException.class, () -> NpyHeader.parse(shortHeader, "ep.npz", "reward"));
        assertTrue(e2.getMessage().contains("header length"), e2.getMessage());
        byte[] truncatedData = java.util.Arrays.copyOf(good, good.length - 3);
        var e3 = assertThrows(CorruptDatasetException.class,
                () -> NpyCodec.decode(truncatedData, FieldSpec.of(Dtype.FLOAT32, 2), "ep.npz", "reward"));
        assertTrue(e3.getMessage().contains("truncated"), e3.getMessage());
        var e4 = assertThrows(CorruptDatasetException.class,
                () -> NpyCodec.decode(good, new FieldSpec("<f8", List.of(2L)), "ep.npz", "reward"));
        assertEquals("ep.npz: reward: expected dtype <f8, got <f4", e4.getMessage());
    }

    @Test
    void dtypeDescrAliases() {
        assertEquals(Dtype.UINT8, Dtype.fromDescr("<u1"));
        assertEquals(Dtype.UINT8, Dtype.fromDescr("|u1"));
        assertEquals(null, Dtype.fromDescr(">f4"));
    }
}
