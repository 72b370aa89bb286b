/**
 * The DINO Vision Transformer in DJL ({@link ai.foresight.encoders.vit.VisionTransformer}), its config
 * presets ({@link ai.foresight.encoders.vit.VitConfig}) and the frozen patch encoder built on it
 * ({@link ai.foresight.encoders.vit.VitPatchEncoder}).
 */
package ai.foresight.encoders.vit;
