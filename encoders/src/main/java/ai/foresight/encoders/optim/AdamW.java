package ai.foresight.encoders.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.encoders.nn.GradModeOff;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019, "Decoupled Weight Decay Regularization").
 *
 * <p>Unlike DJL's {@code Adam}, whose weight decay is added to the gradient (L2), the decay here
 * shrinks the weights directly, {@code w ← w − lr·(m̂/(√v̂+ε) + λ·w)}, and is applied only to
 * parameters of rank ≥ 2 (matrices, kernels, embeddings): biases and LayerNorm scales are not decayed.
 *
 * <p>The moment estimates live in a manager owned by the optimiser and can be saved and loaded, so
 * a training run resumes exactly. Call {@link #step} after a backward pass, outside the gradient
 * collector; it updates the parameter arrays in place and then zeroes their gradients (DJL's
 * PyTorch gradient collector accumulates across backward passes, as PyTorch does, so a gradient
 * left in place would leak into the next step). Temporaries are closed at once. The update runs with
 * autograd recording off ({@link GradModeOff}), so a step works on any thread, not only DJL's first.
 */
public final class AdamW implements AutoCloseable {
    private static final int STATE_MAGIC = 0x41444d57; // "ADMW"

    private final AdamWConfig config;
    private final NDManager state;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private long steps;

    public AdamW(AdamWConfig config, NDManager parent) {
        this.config = config;
        this.state = parent.newSubManager();
    }

    /** Number of updates applied so far. */
    public long steps() {
        return steps;
    }

    /** Whether {@code parameter} is weight-decayed: rank ≥ 2 only. */
    public static boolean decays(Parameter parameter) {
        return parameter.getArray().getShape().dimension() >= 2;
    }

    /**
     * Applies one update to every parameter that requires a gradient.
     *
     * @param parameters the model's parameters, e.g. {@code block.getParameters()}
     * @param learningRate this step's learning rate
     */
    public void step(PairList<String, Parameter> parameters, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a finite value >= 0, got " + learningRate);
        }
        steps++;
        double correction1 = 1 - Math.pow(config.beta1(), steps);
        double correction2 = 1 - Math.pow(config.beta2(), steps);
        for (Pair<String, Parameter> entry : parameters) {
            Parameter p = entry.getValue();
            NDArray weight = p.getArray();
            if (!p.requiresGradient() || !weight.hasGradient()) {
                continue;
            }
            NDArray[] mv = moments.computeIfAbsent(entry.getKey(), k -> new NDArray[] {
                state.zeros(weight.getShape(), weight.getDataType()), state.zeros(weight.getShape(), weight.getDataType())});
            try (GradModeOff off = GradModeOff.enter(); NDScope ignored = new NDScope()) {
                NDArray grad = weight.getGradient();
                mv[0].muli(config.beta1()).addi(grad.mul(1 - config.beta1()));
                mv[1].muli(config.beta2()).addi(grad.square().muli(1 - config.beta2()));
                NDArray update = mv[0].div(correction1)
                        .divi(mv[1].div(correction2).sqrt().addi(config.epsilon()));
                if (config.weightDecay() > 0 && decays(p)) {
                    weight.muli(1 - learningRate * config.weightDecay());
                }
                weight.subi(update.muli(learningRate));
                grad.subi(grad); // DJL's PyTorch collector accumulates: consume the gradient
            }
        }
    }

    /** Writes the step count and both moments of every parameter. */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(STATE_MAGIC);
        out.writeLong(steps);
        out.writeInt(moments.size());
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            out.writeUTF(e.getKey());
            for (NDArray a : e.getValue()) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /** Replaces this optimiser's state with one written by {@link #save}. */
    public void load(DataInputStream in) throws IOException {
        if (in.readInt() != STATE_MAGIC) {
            throw new IOException("optimizer state: expected an AdamW state block, found other bytes");
        }
        long loadedSteps = in.readLong();
        int count = in.readInt();
        Map<String, NDArray[]> loaded = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            NDArray[] mv = new NDArray[2];
            for (int j = 0; j < 2; j++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                mv[j] = NDArray.decode(state, bytes);
            }
            loaded.put(name, mv);
        }
        moments.values().forEach(mv -> {
            mv[0].close();
            mv[1].close();
        });
        moments.clear();
        moments.putAll(loaded);
        steps = loadedSteps;
    }

    @Override
    public void close() {
        state.close();
    }
}
