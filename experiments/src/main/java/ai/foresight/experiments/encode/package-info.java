/**
 * The encoder jobs' algorithms, apart from their command-line plumbing: pretraining a patch encoder
 * with DINO on stored datasets ({@link ai.foresight.experiments.encode.EncoderPretraining}), encoding a
 * dataset into the feature cache ({@link ai.foresight.experiments.encode.DatasetEncoding}), and the
 * linear probe from patch features to ground-truth state ({@link ai.foresight.experiments.encode.StateProbe}).
 */
package ai.foresight.experiments.encode;
