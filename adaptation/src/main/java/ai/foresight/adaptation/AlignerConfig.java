package ai.foresight.adaptation;

/**
 * Settings of the test-time {@link Aligner} (RePo's alignment phase: Zhu et al., NeurIPS 2023).
 *
 * @param mode support constraint (RePo's default) or plain distribution matching
 * @param adaptPosterior whether the RePo posterior head is adapted too (ignored for a model without one)
 * @param alignmentWeight weight of the adversarial alignment term in the encoder loss
 * @param dynamicsWeight weight of the dynamics-consistency term (0 turns it off)
 * @param pairedWeight weight of the paired calibration term (used when a batch has paired frames; 0 turns it off)
 * @param gradientPenalty weight γ of the critic's zero-centred gradient penalty on source embeddings (RePo: 1)
 * @param encoderLearningRate Adam step of the adapters and posterior (RePo: 3e-4)
 * @param criticLearningRate Adam step of the critic
 * @param ratioLearningRate Adam step of the density-ratio network (support mode)
 * @param criticHidden hidden width of the critic and density-ratio networks
 * @param criticLayers hidden layers of the critic and density-ratio networks
 * @param clipNorm global gradient-norm clip of the encoder-side update (RePo: 100)
 */
public record AlignerConfig(
        AlignmentMode mode,
        boolean adaptPosterior,
        double alignmentWeight,
        double dynamicsWeight,
        double pairedWeight,
        double gradientPenalty,
        double encoderLearningRate,
        double criticLearningRate,
        double ratioLearningRate,
        int criticHidden,
        int criticLayers,
        double clipNorm) {

    public AlignerConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode: expected SUPPORT or DISTRIBUTION, got null");
        }
        nonNegative("alignmentWeight", alignmentWeight);
        nonNegative("dynamicsWeight", dynamicsWeight);
        nonNegative("pairedWeight", pairedWeight);
        nonNegative("gradientPenalty", gradientPenalty);
        if (alignmentWeight == 0 && dynamicsWeight == 0 && pairedWeight == 0) {
            throw new IllegalArgumentException("weights: expected at least one of alignmentWeight, dynamicsWeight, pairedWeight > 0");
        }
        positive("encoderLearningRate", encoderLearningRate);
        positive("criticLearningRate", criticLearningRate);
        positive("ratioLearningRate", ratioLearningRate);
        positive("clipNorm", clipNorm);
        if (criticHidden <= 0) {
            throw new IllegalArgumentException("criticHidden: expected > 0, got " + criticHidden);
        }
        if (criticLayers <= 0) {
            throw new IllegalArgumentException("criticLayers: expected > 0, got " + criticLayers);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite value >= 0, got " + value);
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite value > 0, got " + value);
        }
    }

    /** RePo's settings: support constraint, all three terms, Adam 3e-4, γ 1, clip 100, critic 2 x 256. */
    public static AlignerConfig defaults() {
        return new AlignerConfig(AlignmentMode.SUPPORT, true, 1.0, 1.0, 1.0, 1.0, 3e-4, 3e-4, 3e-4, 256, 2, 100);
    }

    /** Tests: a 2 x 32 critic and steps large enough to move within a few dozen updates. */
    public static AlignerConfig tiny() {
        return new AlignerConfig(AlignmentMode.SUPPORT, true, 1.0, 1.0, 1.0, 1.0, 3e-3, 3e-3, 3e-3, 32, 2, 100);
    }

    public AlignerConfig withMode(AlignmentMode newMode) {
        return new AlignerConfig(newMode, adaptPosterior, alignmentWeight, dynamicsWeight, pairedWeight, gradientPenalty,
                encoderLearningRate, criticLearningRate, ratioLearningRate, criticHidden, criticLayers, clipNorm);
    }

    /** The same settings with other term weights. */
    public AlignerConfig withWeights(double alignment, double dynamics, double paired) {
        return new AlignerConfig(mode, adaptPosterior, alignment, dynamics, paired, gradientPenalty, encoderLearningRate,
                criticLearningRate, ratioLearningRate, criticHidden, criticLayers, clipNorm);
    }

    /** The same settings with another encoder-side and critic learning rate. */
    public AlignerConfig withLearningRates(double encoder, double critic) {
        return new AlignerConfig(mode, adaptPosterior, alignmentWeight, dynamicsWeight, pairedWeight, gradientPenalty, encoder,
                critic, critic, criticHidden, criticLayers, clipNorm);
    }

    public AlignerConfig withAdaptPosterior(boolean adapt) {
        return new AlignerConfig(mode, adapt, alignmentWeight, dynamicsWeight, pairedWeight, gradientPenalty,
                encoderLearningRate, criticLearningRate, ratioLearningRate, criticHidden, criticLayers, clipNorm);
    }
}
