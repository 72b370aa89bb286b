/**
 * Transformer building blocks shared by the encoder ViT and the world model's predictor: a pre-norm
 * block, multi-head self-attention with additive masks, and the mask builders.
 */
package ai.foresight.encoders.nn;
