/**
 * Independent training runs as plain values: a {@link io.github.rnnkit.core.run.TrainingTask} says
 * what to train on which data, {@link io.github.rnnkit.core.run.TaskRunner} trains and evaluates one
 * on a single thread, and {@link io.github.rnnkit.core.run.LocalRunner} runs a plan of them on a
 * pool of threads, saving each outcome as it arrives so that a killed plan resumes without redoing
 * finished tasks. Tasks and outcomes are {@link java.io.Serializable}, so that a distributed runner
 * can ship them to executors.
 */
package io.github.rnnkit.core.run;
