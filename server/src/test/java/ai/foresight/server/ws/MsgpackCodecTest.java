package ai.foresight.server.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.server.core.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

class MsgpackCodecTest {

    private final MsgpackCodec codec = new MsgpackCodec();

    private Object decode(byte[] bytes) {
        return codec.decode(bytes, 0, bytes.length);
    }

    @Test
    void roundTripKeepsArraysAndScalars() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("actions", NdArray.ofRows(new float[][] {{1.5f, -2f}, {0.25f, 3f}}));
        message.put("n", 7L);
        message.put("x", 0.5);
        message.put("ok", true);
        message.put("name", "fake");
        message.put("list", List.of(1L, "two"));
        message.put("nothing", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) decode(codec.encode(message));
        assertEquals(message, back);
        assertArrayEquals(new double[] {1.5, -2, 0.25, 3}, ((NdArray) back.get("actions")).toDoubles("actions"));
    }

    @Test
    void arrayTagKeysAreWrittenAsBinLikeMsgpackNumpy() throws IOException {
        byte[] bytes = codec.encode(Map.of("a", NdArray.ofRows(new float[][] {{1f}})));
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            var outer = in.unpackValue().asMapValue().map();
            var array = outer.values().iterator().next().asMapValue().map();
            assertEquals(4, array.size());
            array.keySet().forEach(key -> assertEquals(ValueType.BINARY, key.getValueType()));
        }
    }

    @Test
    void readsStrKeyedArraysAndNumpyScalars() throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(2);
            p.packString("state");
            p.packMapHeader(4);
            p.packString("__ndarray__").packBoolean(true);
            p.packString("data").packBinaryHeader(8).writePayload(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40});
            p.packString("dtype").packString("<f4");
            p.packString("shape").packArrayHeader(1).packLong(2);
            p.packString("scale");
            p.packMapHeader(3);
            p.packString("__npgeneric__").packBoolean(true);
            p.packString("data").packDouble(0.5);
            p.packString("dtype").packString("<f8");
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) decode(p.toByteArray());
            assertArrayEquals(new double[] {1, 2}, ((NdArray) back.get("state")).toDoubles("state"));
            assertEquals(0.5, back.get("scale"));
        }
    }

    @Test
    void declaredLengthsBeyondTheMessageAreRejectedBeforeAllocating() {
        byte[] hugeBin = {(byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2};
        byte[] hugeMap = {(byte) 0xdf, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] hugeString = {(byte) 0xdb, 0x10, 0, 0, 0, 'a'};
        for (byte[] bytes : new byte[][] {hugeBin, hugeMap, hugeString}) {
            ApiException e = assertThrows(ApiException.class, () -> decode(bytes));
            assertEquals("malformed_msgpack", e.code());
            assertEquals(400, e.status());
        }
    }

    @Test
    void deepNestingTrailingBytesExtensionsAndDuplicatesAreRejected() throws IOException {
        byte[] deep = new byte[200];
        java.util.Arrays.fill(deep, (byte) 0x91);
        deep[199] = (byte) 0xc0;
        assertTrue(assertThrows(ApiException.class, () -> decode(deep)).getMessage().contains("nesting"));
        assertTrue(assertThrows(ApiException.class, () -> decode(new byte[] {1, 2})).getMessage()
                .contains("trailing"));
        assertThrows(ApiException.class, () -> decode(new byte[] {(byte) 0xd4, 1, 0}));
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(2).packString("a").packLong(1).packBinaryHeader(1)
                    .writePayload("a".getBytes(StandardCharsets.UTF_8)).packLong(2);
            assertTrue(assertThrows(ApiException.class, () -> decode(p.toByteArray())).getMessage()
                    .contains("duplicate"));
        }
    }

    @Test
    void ndarrayByteCountMustMatchShapeAndDtype() {
        NdArray shortData = new NdArray("<f4", new long[] {3}, new byte[8]);
        assertEquals("state.data", assertThrows(ApiException.class, () -> shortData.toDoubles("state")).field());
        NdArray complex = new NdArray("<c8", new long[] {1}, new byte[8]);
        assertEquals("state.dtype", assertThrows(ApiException.class, () -> complex.toDoubles("state")).field());
        NdArray bigEndian = new NdArray(">i2", new long[] {2}, new byte[] {0, 5, (byte) 0xff, (byte) 0xfe});
        assertArrayEquals(new double[] {5, -2}, bigEndian.toDoubles("x"));
    }
}
