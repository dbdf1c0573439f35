/**
 * What one arriving virtual user does in Gatling ({@link Arrival}): exactly one request, the next step
 * of some journey, then the journey moves on and the answer is recorded. May import
 * {@code simulations.journey}, {@code simulations.endpoints}, {@code simulations.runtime} and
 * {@code results}.
 */
package store.traffictacos.capacity.simulations.chains;
