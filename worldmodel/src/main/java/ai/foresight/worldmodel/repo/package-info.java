/**
 * RePo's information bottleneck maths (Zhu et al., NeurIPS 2023): closed-form and balanced Gaussian KL, and
 * the dual-ascent multiplier that holds the KL to a budget of ε nats per frame.
 */
package ai.foresight.worldmodel.repo;
