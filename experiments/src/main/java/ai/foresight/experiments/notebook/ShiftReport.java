package ai.foresight.experiments.notebook;

/**
 * What {@link DomainShift#measure} found. Squared errors are means over tokens and channels.
 *
 * @param shifts the distractor ids, joined with +
 * @param states states sampled
 * @param featureShift encoder features: mean squared difference, shifted vs clean frame of the same state
 * @param featureSpread encoder features: mean squared distance of the clean frames' features from their mean
 * @param latentShift the model's latents (pooled features, or RePo's z): shifted vs clean
 * @param latentSpread the model's latents: spread of the clean frames
 * @param predictionErrorClean one-step prediction MSE from clean frames, against the clean next frame's latent
 * @param predictionErrorShifted the same from shifted frames
 */
public record ShiftReport(String shifts, int states, double featureShift, double featureSpread, double latentShift,
        double latentSpread, double predictionErrorClean, double predictionErrorShifted) {

    /** Feature shift over feature spread: 1 means the distractors move features as much as a different state does. */
    public double relativeFeatureShift() {
        return featureShift / featureSpread;
    }

    /** The same in the model's latent space. */
    public double relativeLatentShift() {
        return latentShift / latentSpread;
    }

    /** How many times larger the prediction error is from shifted frames. */
    public double predictionErrorRatio() {
        return predictionErrorShifted / predictionErrorClean;
    }

    @Override
    public String toString() {
        return "ShiftReport[" + shifts + ", " + states + " states: prediction MSE " + ValueText.number(predictionErrorClean)
                + " clean -> " + ValueText.number(predictionErrorShifted) + " shifted (x" + ValueText.number(predictionErrorRatio())
                + "); features move " + ValueText.number(relativeFeatureShift()) + "x the between-state spread (latents "
                + ValueText.number(relativeLatentShift()) + "x)]";
    }
}
