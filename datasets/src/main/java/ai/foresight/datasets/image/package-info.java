/** Pixel containers shared by the worlds, the distractors, the episode store and the reports. */
package ai.foresight.datasets.image;
