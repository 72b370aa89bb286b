/**
 * Plumbing of {@code foresight serve} and {@code foresight bench serve}: opening what {@code --model} names
 * ({@link ai.foresight.experiments.serve.ServableModel}), reading the token file, running a planning server until
 * asked to stop ({@link ai.foresight.experiments.serve.RunningServer}), and measuring the server's latency and
 * throughput on loopback against the in-process plan time ({@link ai.foresight.experiments.serve.ServeBenchmark}).
 */
package ai.foresight.experiments.serve;
