/**
 * What {@code foresight doctor} checks: that each native runtime loads (libtorch via DJL, ND4J with
 * its BLAS, OpenCV via JavaCPP) with its version and thread settings
 * ({@link ai.foresight.experiments.doctor.RuntimeProbe}); each failure is caught and reported as a
 * {@link ai.foresight.experiments.doctor.ComponentCheck} instead of ending the process.
 */
package ai.foresight.experiments.doctor;
