/**
 * The scheduled consumers of {@code messenger-otn}: the token broadcast (claim, emit, then consume, retire or release
 * each token) and the listing of contacts without a token (the fallback audience).
 */
package io.github.camelmessenger.otn.broadcast;
