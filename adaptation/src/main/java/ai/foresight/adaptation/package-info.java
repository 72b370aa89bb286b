/**
 * Reward-free test-time adaptation of a trained world model's encoder side, after RePo (Zhu et al.,
 * NeurIPS 2023): {@link ai.foresight.adaptation.Aligner} adapts light encoder adapters and the RePo
 * posterior on unlabelled target frames ({@link ai.foresight.adaptation.TargetBatch}: frames, actions,
 * optional proprio and paired frames, never rewards or states) while the predictor, heads and decoder stay
 * bit-identical ({@link ai.foresight.adaptation.ParameterHash}); {@link ai.foresight.adaptation.AlignmentProbe}
 * measures the remaining source–target gap.
 */
package ai.foresight.adaptation;
