package ai.foresight.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.msgpack.value.ValueType;

/**
 * A tiny openpi-style robot client written independently of the server's codec: packs observation dicts the way
 * Python's {@code msgpack_numpy} does (numpy arrays as maps with bin keys {@code __ndarray__}, {@code data},
 * {@code dtype}, {@code shape}) and unpacks answers with msgpack-core's generic value tree.
 */
final class MsgpackSocketClient implements AutoCloseable {

    /** A frame received: binary (decoded msgpack) or text (an error). */
    record Received(Object value, String text, boolean binaryKeysForArrays) {
        boolean isText() {
            return text != null;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) value;
        }
    }

    /** A numpy array as received. */
    record Array(String dtype, long[] shape, byte[] data) {
        float[][] floatRows() {
            ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            float[][] out = new float[(int) shape[0]][(int) shape[1]];
            for (float[] row : out) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = in.getFloat();
                }
            }
            return out;
        }
    }

    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    MsgpackSocketClient(int port, String path, String authorization) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new Collector()).join();
    }

    private final class Collector implements WebSocket.Listener {
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                byte[] message = binary.toByteArray();
                binary.reset();
                inbox.add(decode(message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(new Received(null, text.toString(), false));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    void send(byte[] message) {
        socket.sendBinary(ByteBuffer.wrap(message), true).join();
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    Received receive() {
        try {
            Received r = inbox.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new IllegalStateException("no message within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent, waiting up to 5 s. */
    int awaitClose() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    /** Packs a dict; values may be String, Number, Boolean, byte[], Map, List, float[] (1-D f4), or Array. */
    static byte[] pack(Map<String, ?> dict) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packValue(packer, dict);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A uint8 (H, W, 3) array. */
    static Array uint8Image(ai.foresight.datasets.image.Frame frame) {
        return new Array("|u1", new long[] {frame.height(), frame.width(), 3}, frame.data().clone());
    }

    static Array float32(float... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            out.putFloat(v);
        }
        return new Array("<f4", new long[] {values.length}, out.array());
    }

    private static void packValue(MessageBufferPacker p, Object v) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof Map<?, ?> m) {
            p.packMapHeader(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                p.packString((String) e.getKey());
                packValue(p, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            p.packArrayHeader(l.size());
            for (Object o : l) {
                packValue(p, o);
            }
        } else if (v instanceof Array a) {
            p.packMapHeader(4);
            binKey(p, "__ndarray__");
            p.packBoolean(true);
            binKey(p, "data");
            p.packBinaryHeader(a.data().length);
            p.writePayload(a.data());
            binKey(p, "dtype");
            p.packString(a.dtype());
            binKey(p, "shape");
            p.packArrayHeader(a.shape().length);
            for (long d : a.shape()) {
                p.packLong(d);
            }
        } else if (v instanceof byte[] b) {
            p.packBinaryHeader(b.length);
            p.writePayload(b);
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof Boolean b) {
            p.packBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            p.packDouble(((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            p.packLong(n.longValue());
        } else {
            throw new IllegalArgumentException("cannot pack " + v.getClass());
        }
    }

    private static void binKey(MessageBufferPacker p, String key) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        p.packBinaryHeader(bytes.length);
        p.writePayload(bytes);
    }

    private static Received decode(byte[] message) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(message)) {
            Value value = unpacker.unpackValue();
            boolean[] binKeys = {true};
            return new Received(toJava(value, binKeys), null, binKeys[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a value tree; {@code binKeys[0]} turns false if any ndarray map used str keys. */
    private static Object toJava(Value v, boolean[] binKeys) {
        switch (v.getValueType()) {
            case NIL:
                return null;
            case BOOLEAN:
                return v.asBooleanValue().getBoolean();
            case INTEGER:
                return v.asIntegerValue().toLong();
            case FLOAT:
                return v.asFloatValue().toDouble();
            case STRING:
                return v.asStringValue().asString();
            case BINARY:
                return v.asBinaryValue().asByteArray();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (Value e : v.asArrayValue()) {
                    list.add(toJava(e, binKeys));
                }
                return list;
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                boolean anyStrKey = false;
                for (Map.Entry<Value, Value> e : v.asMapValue().map().entrySet()) {
                    anyStrKey |= e.getKey().getValueType() == ValueType.STRING;
                    String key = e.getKey().isBinaryValue()
                            ? new String(e.getKey().asBinaryValue().asByteArray(), StandardCharsets.UTF_8)
                            : e.getKey().asStringValue().asString();
                    map.put(key, toJava(e.getValue(), binKeys));
                }
                if (Boolean.TRUE.equals(map.get("__ndarray__"))) {
                    binKeys[0] &= !anyStrKey;
                    @SuppressWarnings("unchecked")
                    List<Object> dims = (List<Object>) map.get("shape");
                    long[] shape = dims.stream().mapToLong(d -> (Long) d).toArray();
                    return new Array((String) map.get("dtype"), shape, (byte[]) map.get("data"));
                }
                return map;
            default:
                throw new IllegalArgumentException("unexpected " + v.getValueType());
        }
    }
}
