/** Small networks of the aligner: {@link ai.foresight.adaptation.nn.LeakyMlp}, an MLP critic whose input gradient is a differentiable closed form (for the gradient penalty). */
package ai.foresight.adaptation.nn;
