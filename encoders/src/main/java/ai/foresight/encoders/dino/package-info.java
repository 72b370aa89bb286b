/**
 * DINO self-distillation pretraining (Caron et al., 2021) of the ViT encoder:
 * {@link ai.foresight.encoders.dino.DinoPretrainer#run} is the entry point (config, frames, output
 * folder, progress), writing a JSONL loss history, atomic checkpoints with provenance (resumed
 * exactly) and the final teacher backbone as a {@link ai.foresight.encoders.vit.VitPatchEncoder}
 * folder. Pieces: multi-crop OpenCV augmentation, the projection head with a weight-normalised last
 * layer, and the centred, sharpened cross-entropy loss.
 */
package ai.foresight.encoders.dino;
