package org.finbridge.webhooks.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a URL's host into the addresses a connection would use: the JDK's resolver (which also
 * answers IP literals, in every form the JDK's HTTP client accepts) in production, a fixed table in
 * tests that play DNS rebinding.
 */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
