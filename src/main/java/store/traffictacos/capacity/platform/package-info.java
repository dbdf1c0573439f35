/**
 * What the platform did during a run, beside the load: the sampler contract ({@link PlatformSampler}),
 * samples on the run's clock ({@link PlatformSample}), the schedule that takes them
 * ({@link SamplingSchedule}) and {@code platform.json} ({@link PlatformSeriesFile}). The sources are the
 * subpackages. Imports nothing else of the project.
 */
package store.traffictacos.capacity.platform;
