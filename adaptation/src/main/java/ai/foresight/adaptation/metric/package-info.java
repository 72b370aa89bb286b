/** Distances between embedding sets for measuring alignment: RBF MMD², median bandwidth, paired mean square. */
package ai.foresight.adaptation.metric;
