/**
 * Atomic checkpoint directories with provenance JSON (config, encoder id, trainer settings, git commit,
 * versions), and the refusal of a checkpoint made for another config, preset or encoder.
 */
package ai.foresight.worldmodel.checkpoint;
