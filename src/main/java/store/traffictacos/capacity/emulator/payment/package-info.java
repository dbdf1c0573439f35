/**
 * The payment simulator: intents that settle after a delay unless approved or failed first, the signed
 * status webhook it sends, its routes and its store interface. May import {@code emulator.http}.
 */
package store.traffictacos.capacity.emulator.payment;
