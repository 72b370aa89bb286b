/** File output shared by jobs and reports: atomic writes ({@link ai.foresight.experiments.io.AtomicFile}). */
package ai.foresight.experiments.io;
