/**
 * One runner's run from start to end ({@link CapacityRun}): its settings read once, the target check,
 * the recording into the results files, the live progress and the closing summary. It assembles the
 * other simulations packages with the toolkit (the emulator, platform samplers, profiles, results,
 * report and runner contract), so it may import them all.
 */
package store.traffictacos.capacity.simulations.run;
