package ai.foresight.encoders;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads DJL block weights safely. DJL's {@code loadParameters} swaps in the stored arrays without
 * checking their shapes against the block, leaves the replaced arrays open and drops the
 * requires-gradient flag; this checks every shape (naming the parameter), frees the old arrays and
 * restores the flag of each parameter that was trainable.
 */
public final class BlockWeights {
    private BlockWeights() {}

    /**
     * Replaces {@code block}'s initialised parameters with those in {@code in}.
     *
     * @param what names the source in error messages, e.g. a file path
     * @throws IOException if the stream is not a weight file of this block or a shape differs
     */
    public static void load(Block block, NDManager manager, DataInputStream in, String what) throws IOException {
        PairList<String, Parameter> params = block.getParameters();
        List<Shape> shapes = new ArrayList<>();
        List<NDArray> old = new ArrayList<>();
        List<Boolean> trainable = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i).getValue();
            shapes.add(p.getArray().getShape());
            old.add(p.getArray());
            trainable.add(p.requiresGradient());
        }
        try {
            block.loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(what + ": weights do not match the network: " + e.getMessage(), e);
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i).getValue();
            Shape got = p.getArray().getShape();
            if (!got.equals(shapes.get(i))) {
                throw new IOException(what + ": weights do not match the network: parameter " + params.get(i).getKey()
                        + " expected shape " + shapes.get(i) + ", got " + got);
            }
            if (p.getArray() != old.get(i)) {
                old.get(i).close();
            }
            p.freeze(!trainable.get(i));
        }
    }
}
