package ai.foresight.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads a DJL block's parameters by name, copying loaded values into the block's existing
 * arrays. DJL's own {@code loadParameters} swaps in arrays decoded from Java bytes instead: it checks no
 * shape, leaves the replaced arrays open, drops the requires-gradient flag, and the new arrays are not
 * libtorch-allocated (MKL may round differently on unaligned operands, which breaks bit-exact resumes).
 * Loading is all or nothing: every array is read and checked before any parameter changes.
 */
public final class BlockWeights {
    private static final int MAGIC = 0x46575431; // "FWT1"

    private BlockWeights() {}

    /** Writes every parameter of {@code block}: count, then name and encoded array per parameter. */
    public static void save(Block block, DataOutputStream out) throws IOException {
        PairList<String, Parameter> params = block.getParameters();
        out.writeInt(MAGIC);
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            out.writeUTF(p.getKey());
            byte[] bytes = p.getValue().getArray().encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /**
     * Replaces the values of {@code block}'s initialised parameters with those written by {@link #save}.
     *
     * @param manager where the decoded arrays live until copied (closed at once)
     * @param what names the source in error messages, e.g. a file path
     * @throws IOException if the stream is not a weight file, or names, count or shapes differ from the block's
     */
    public static void load(Block block, NDManager manager, DataInputStream in, String what) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(what + ": not a Foresight weight file");
        }
        PairList<String, Parameter> params = block.getParameters();
        int count = in.readInt();
        if (count != params.size()) {
            throw new IOException(what + ": weights do not match the network: expected " + params.size()
                    + " parameter arrays, found " + count);
        }
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> loaded = new ArrayList<>(count);
            for (Pair<String, Parameter> p : params) {
                String name = in.readUTF();
                if (!name.equals(p.getKey())) {
                    throw new IOException(what + ": weights do not match the network: expected parameter "
                            + p.getKey() + ", found " + name);
                }
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                NDArray value = NDArray.decode(scratch, bytes);
                NDArray target = p.getValue().getArray();
                if (!value.getShape().equals(target.getShape()) || value.getDataType() != target.getDataType()) {
                    throw new IOException(what + ": weights do not match the network: parameter " + name + " expected "
                            + target.getDataType() + " " + target.getShape() + ", got " + value.getDataType() + " "
                            + value.getShape());
                }
                loaded.add(value);
            }
            for (int i = 0; i < count; i++) {
                // in place: keeps the libtorch-allocated array and its autograd flag (outside any collector)
                params.get(i).getValue().getArray().muli(0f).addi(loaded.get(i));
            }
        }
    }
}
