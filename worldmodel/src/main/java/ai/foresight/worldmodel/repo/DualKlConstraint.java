package ai.foresight.worldmodel.repo;

import ai.foresight.worldmodel.RepoConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * RePo's Lagrange multiplier for the constraint KL ≤ ε (Zhu et al., NeurIPS 2023): the model minimises
 * {@code task loss + sg(β)·(KL − ε)} while log β takes Adam steps on {@code −log β · sg(KL − ε)}, so β
 * grows while the measured KL exceeds the budget and shrinks while it is under it.
 *
 * <p>The scalar Adam runs in double precision in Java; its whole state (log β, both moments, step count)
 * is saved and loaded for exact resume.
 *
 * <p>β is kept within [{@link #MIN_BETA}, {@link #MAX_BETA}]: a safeguard of ours, not the paper's. When the
 * budget cannot be met, log β otherwise climbs without end: a Wall run whose KL stayed near 75 nats against a
 * budget of 10 reached β = 1.2e12 and a loss of 7.9e13 in 5,000 steps, where float32 gradients stop meaning
 * anything. At the cap the KL term already outweighs every task term by orders of magnitude.
 */
public final class DualKlConstraint {
    private static final int MAGIC = 0x4455414c; // "DUAL"
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    /** Largest multiplier. */
    public static final double MAX_BETA = 1e4;
    /** Smallest multiplier. */
    public static final double MIN_BETA = 1e-8;

    private final double epsilonNats;
    private final double learningRate;
    private double logBeta;
    private double firstMoment;
    private double secondMoment;
    private long steps;

    public DualKlConstraint(RepoConfig config) {
        this.epsilonNats = config.epsilonNats();
        this.learningRate = config.dualLearningRate();
        this.logBeta = Math.log(config.initialBeta());
    }

    /** The current multiplier β (treated as a constant by the model loss). */
    public double beta() {
        return Math.exp(logBeta);
    }

    public double epsilonNats() {
        return epsilonNats;
    }

    /**
     * One dual step after a model step.
     *
     * @param measuredKl the batch's KL in nats per frame
     * @return the new β
     */
    public double update(double measuredKl) {
        if (!Double.isFinite(measuredKl)) {
            throw new IllegalArgumentException("measuredKl: expected a finite number, got " + measuredKl);
        }
        double gradient = -(measuredKl - epsilonNats); // d/d logβ of −logβ·(KL − ε)
        steps++;
        firstMoment = BETA1 * firstMoment + (1 - BETA1) * gradient;
        secondMoment = BETA2 * secondMoment + (1 - BETA2) * gradient * gradient;
        double mHat = firstMoment / (1 - Math.pow(BETA1, steps));
        double vHat = secondMoment / (1 - Math.pow(BETA2, steps));
        logBeta -= learningRate * mHat / (Math.sqrt(vHat) + ADAM_EPSILON);
        logBeta = Math.max(Math.log(MIN_BETA), Math.min(Math.log(MAX_BETA), logBeta));
        return beta();
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeDouble(logBeta);
        out.writeDouble(firstMoment);
        out.writeDouble(secondMoment);
        out.writeLong(steps);
    }

    public void load(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("dual state: expected a KL-constraint state block, found other bytes");
        }
        logBeta = in.readDouble();
        firstMoment = in.readDouble();
        secondMoment = in.readDouble();
        steps = in.readLong();
    }
}
