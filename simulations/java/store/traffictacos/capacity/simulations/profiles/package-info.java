/**
 * A load profile as Gatling open-model injection, one request per arriving user
 * ({@link Injection}). May import {@code profile}.
 */
package store.traffictacos.capacity.simulations.profiles;
