package org.finbridge.trade;

/** Where an event happened: an ISO 3166-1 alpha-2 country and a city or free text (a port, a depot). */
public record Place(String country, String locality) {
}
