package ai.foresight.adaptation;

/**
 * How the target embedding marginal is pulled towards the source one.
 */
public enum AlignmentMode {
    /**
     * RePo's default (Zhu et al., NeurIPS 2023): a support constraint. The critic estimates a Pearson χ²
     * divergence between τ-reweighted source embeddings and target embeddings, and a learned density ratio
     * τ(e) ≥ 0 with E_source[τ] = 1 (self-normalised per batch) moves source mass to where the target data
     * lie, so the target only has to fall inside the source support, not reproduce its frequencies.
     */
    SUPPORT,
    /** Plain distribution matching: a logistic critic (Jensen–Shannon GAN) and a non-saturating encoder loss. */
    DISTRIBUTION
}
