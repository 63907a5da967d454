/**
 * What a provider that talks to an HTTP backend needs, whatever its contract: the backend's base
 * URL, TLS with a custom CA (and a client certificate for mutual TLS), a bearer token or basic
 * credentials read from files on each call, and connect/read timeouts. {@link
 * io.camelvk.provider.http.HttpBackend} holds them for a route (a YAML {@code beans} entry made
 * with {@link io.camelvk.provider.http.HttpBackendBuilder}) or a bean provider ({@link
 * io.camelvk.provider.http.HttpBackendSettings#fromProperties}). Nothing here names a provider.
 */
package io.camelvk.provider.http;
