package ai.foresight.adaptation.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron with LeakyReLU hidden layers and one scalar output, whose input gradient is
 * available as an ordinary differentiable expression of its weights.
 *
 * <p>Why: a discriminator's gradient penalty (Mescheder et al., 2018, "Which Training Methods for GANs do
 * actually Converge?", the zero-centred R1 penalty RePo uses) needs ∂f/∂x inside the loss, and DJL 0.36
 * exposes no double backward. For this network the gradient has a closed form,
 * ∇ₓf = W₁ (s₁ ⊙ W₂ (s₂ ⊙ … W_L (s_L ⊙ w_out))) with s_l = LeakyReLU′(a_l) ∈ {α, 1} constant almost
 * everywhere, so {@link #inputGradient} builds it from the weights and a normal backward pass trains them
 * through the penalty.
 *
 * <p>Weights are stored (in, out), so every product is {@code x.matMul(W)} and lands in the input's
 * manager; the few transposes are attached there too, so a caller's sub-manager frees everything.
 * Input (B, in); output (B, 1).
 */
public final class LeakyMlp extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final float slope;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();

    /**
     * @param inputDim width of each input row
     * @param hidden widths of the hidden layers (at least one)
     * @param slope LeakyReLU negative slope α, in (0, 1)
     */
    public LeakyMlp(int inputDim, int[] hidden, double slope) {
        super(VERSION);
        if (inputDim <= 0) {
            throw new IllegalArgumentException("inputDim: expected > 0, got " + inputDim);
        }
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("hidden: expected at least one hidden layer");
        }
        if (!(slope > 0 && slope < 1)) {
            throw new IllegalArgumentException("slope: expected (0, 1), got " + slope);
        }
        this.inputDim = inputDim;
        this.slope = (float) slope;
        int in = inputDim;
        for (int l = 0; l <= hidden.length; l++) {
            int out = l < hidden.length ? hidden[l] : 1;
            if (out <= 0) {
                throw new IllegalArgumentException("hidden[" + l + "]: expected > 0, got " + out);
            }
            weights.add(addParameter(Parameter.builder().setName("weight" + l).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(in, out))
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.AVG, 2))
                    .build()));
            biases.add(addParameter(Parameter.builder().setName("bias" + l).setType(Parameter.Type.BIAS)
                    .optShape(new Shape(out)).build()));
            in = out;
        }
    }

    public int inputDim() {
        return inputDim;
    }

    /** Initialises the weights (Xavier, Gaussian) and zero biases in {@code manager}. */
    public LeakyMlp create(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, inputDim));
        return this;
    }

    /** f(x): (B, in) → (B, 1). */
    public NDArray score(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = checked(inputs.singletonOrThrow());
        NDArray h = x;
        int last = weights.size() - 1;
        for (int l = 0; l <= last; l++) {
            NDArray a = h.matMul(value(ps, weights.get(l), x, training)).add(value(ps, biases.get(l), x, training));
            h = l < last ? Activation.leakyRelu(a, slope) : a;
        }
        return new NDList(h);
    }

    /**
     * ∂f(x_b)/∂x_b for every row, as a differentiable function of the weights (see the class comment).
     *
     * @param x (B, in); its own gradient flag is not needed
     * @return (B, in) in the manager of {@code x}
     */
    public NDArray inputGradient(ParameterStore ps, NDArray x, boolean training) {
        checked(x);
        NDManager owner = x.getManager();
        int last = weights.size() - 1;
        List<NDArray> slopes = new ArrayList<>(last);
        NDArray h = x.stopGradient();
        for (int l = 0; l < last; l++) {
            NDArray a = h.matMul(value(ps, weights.get(l), x, training)).add(value(ps, biases.get(l), x, training)).stopGradient();
            // s = α + (1 − α)·[a > 0]: piecewise constant, so it carries no gradient of its own
            slopes.add(a.gt(0f).toType(DataType.FLOAT32, false).mul(owner.create(1f - slope)).add(owner.create(slope)));
            h = Activation.leakyRelu(a, slope);
        }
        // g_L = s_L ⊙ w_outᵀ, then g_{l−1} = (g_l · W_lᵀ) ⊙ s_{l−1}, finally ∇ₓ = g_1 · W_1ᵀ
        NDArray g = slopes.get(last - 1).mul(transposed(ps, weights.get(last), owner, training));
        for (int l = last - 1; l >= 1; l--) {
            g = g.matMul(transposed(ps, weights.get(l), owner, training)).mul(slopes.get(l - 1));
        }
        return g.matMul(transposed(ps, weights.get(0), owner, training));
    }

    private NDArray checked(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 2 || s.get(1) != inputDim) {
            throw new IllegalArgumentException("x: expected (B, " + inputDim + "), got " + s);
        }
        return x;
    }

    private static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    /** Wᵀ (out, in), attached to {@code owner} so that it is freed with the caller's step. */
    private static NDArray transposed(ParameterStore ps, Parameter p, NDManager owner, boolean training) {
        NDArray t = ps.getValue(p, owner.getDevice(), training).transpose();
        t.attach(owner);
        return t;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
