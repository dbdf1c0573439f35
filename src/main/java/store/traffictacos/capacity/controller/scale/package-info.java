/**
 * Pre-scaling the platform before a run and putting it back afterwards, as a contract
 * ({@link PlatformScaler}) and what to scale to ({@link ScaleTarget}); the Kubernetes scaler implements
 * it. Imports nothing else of the project.
 */
package store.traffictacos.capacity.controller.scale;
