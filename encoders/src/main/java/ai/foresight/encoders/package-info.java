/**
 * The patch-encoder API: {@link ai.foresight.encoders.PatchEncoder} turns (B, 3, H, W) frames in 0..1
 * into (B, N, D) patch features, frozen by default, with a stable id for caches and provenance.
 * {@link ai.foresight.encoders.FramePixels} builds encoder input from dataset frames.
 * Implementations: the DJL ViT ({@code vit}), TorchScript exports of DINOv2 ({@code torchscript}).
 */
package ai.foresight.encoders;
