/**
 * One-Time Notification flows (request, store, broadcast, fallback) on top of the messenger component. The
 * {@code messenger-otn} component lands with its own issue; its contact and token store is in the {@code store}
 * subpackage.
 */
package io.github.camelmessenger.otn;
