/**
 * Optimisation pieces shared by encoder pretraining and world-model training: AdamW with decoupled
 * weight decay and savable state, the warm-up + cosine schedule, and global-norm gradient clipping.
 */
package ai.foresight.encoders.optim;
