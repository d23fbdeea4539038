/**
 * One-Time Notification flows (request, store, broadcast, fallback) on top of the messenger component. The
 * {@code messenger-otn} component lands with its own issue; the module exists so routes can depend on it now.
 */
package io.github.camelmessenger.otn;
