package ai.foresight.worldmodel.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step's loss, term by term (terms a mode does not use are 0).
 *
 * @param total the minimised objective
 * @param latent next-frame latent MSE (feature mode: pooled features, teacher-forced, target detached)
 * @param proprio next-proprio MSE of the predictor
 * @param reward reward NLL of the task head (unit-variance Gaussian, up to a constant: ½·squared error)
 * @param proprioHead proprio NLL of the task head (½·squared error summed over dims)
 * @param kl RePo KL(q ‖ p) in nats per frame (summed over tokens and latent dims)
 * @param klPenalty β·(KL − ε), the constraint term
 * @param beta the multiplier β used in this step
 * @param decoder pixel MSE of the decoder (on detached latents)
 */
public record LossTerms(
        double total,
        double latent,
        double proprio,
        double reward,
        double proprioHead,
        double kl,
        double klPenalty,
        double beta,
        double decoder) {

    /** Terms by snake_case name, for JSONL metrics. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("latent", latent);
        m.put("proprio", proprio);
        m.put("reward", reward);
        m.put("proprio_head", proprioHead);
        m.put("kl", kl);
        m.put("kl_penalty", klPenalty);
        m.put("beta", beta);
        m.put("decoder", decoder);
        return m;
    }
}
