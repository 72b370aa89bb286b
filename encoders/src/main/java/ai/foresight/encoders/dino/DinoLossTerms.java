package ai.foresight.encoders.dino;

import ai.djl.ndarray.NDArray;

/**
 * The DINO objective of one step, as named terms.
 *
 * @param total the loss to back-propagate: mean cross-entropy H(P_teacher, P_student) over every
 *     (teacher global view, other student view) pair; a scalar NDArray
 * @param crossEntropy {@code total} as a number
 * @param teacherEntropy mean entropy of the centred, sharpened teacher distributions h(P_t), in nats:
 *     near 0 when the teacher collapses to one dimension, near log K when it is uniform
 * @param kl mean KL(P_t ‖ P_s) = crossEntropy − teacherEntropy, what the student can still learn
 * @param teacherBatchEntropy entropy of the batch-averaged teacher distribution: near log K when
 *     images use different dimensions, as low as {@code teacherEntropy} when every image picks the
 *     same one (collapse onto one dimension)
 */
public record DinoLossTerms(NDArray total, double crossEntropy, double teacherEntropy, double kl, double teacherBatchEntropy) {}
