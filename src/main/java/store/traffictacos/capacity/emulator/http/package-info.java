/**
 * The API layer without a transport: requests and responses, the error envelope, routes and the
 * router, the {@link Gateway} that applies the guard's rules around every handler, and the
 * {@link CapacityModel} that paces the answers. May import {@code emulator.guard}, which imports this
 * package back for requests and errors.
 */
package store.traffictacos.capacity.emulator.http;
