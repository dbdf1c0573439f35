/**
 * The platform's endpoints as Gatling requests with the contract's checks (waiting room,
 * reservations, payments), how journeys authenticate ({@link Auth}), and the session keys they share
 * with the arrival chain ({@link Sessions}). May import {@code simulations.journey}.
 */
package store.traffictacos.capacity.simulations.endpoints;
