package ai.foresight.adaptation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named terms of one alignment step (NaN for a term that was off or had no data).
 *
 * @param critic the critic's loss (χ² or logistic, without the penalty)
 * @param gradientPenalty γ·E_source ‖∇f‖² added to the critic's loss
 * @param alignment the encoder's adversarial loss
 * @param dynamics the dynamics-consistency loss: Gaussian NLL per latent dim (RePo) or MSE (features)
 * @param paired the paired calibration loss: mean squared difference to the source embedding of the same state
 * @param encoderTotal the weighted sum the encoder side descended
 * @param encoderGradNorm the encoder-side gradient norm before clipping
 * @param ratioEffectiveFraction effective sample size of the density ratio τ over the source batch, as a
 *     fraction of the batch (1 for uniform weights and in distribution mode; near 1/M when τ sits on one sample)
 */
public record AlignmentTerms(
        double critic,
        double gradientPenalty,
        double alignment,
        double dynamics,
        double paired,
        double encoderTotal,
        double encoderGradNorm,
        double ratioEffectiveFraction) {

    /** snake_case map for logs and JSON. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("critic", critic);
        m.put("gradient_penalty", gradientPenalty);
        m.put("alignment", alignment);
        m.put("dynamics", dynamics);
        m.put("paired", paired);
        m.put("encoder_total", encoderTotal);
        m.put("encoder_grad_norm", encoderGradNorm);
        m.put("ratio_effective_fraction", ratioEffectiveFraction);
        return m;
    }
}
