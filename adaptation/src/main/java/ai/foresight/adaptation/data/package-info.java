/** The boundary from the datasets' windows to aligner inputs: frames, paired frames, actions and proprio only. */
package ai.foresight.adaptation.data;
