/**
 * One handler per producer operation (or per tight family, named after its operations), called from the one switch
 * in {@link io.github.camelmessenger.MessengerProducer}. Each builds its request from an
 * {@link io.github.camelmessenger.internal.send.OutboundExchange}; every Send API request then takes the one shared
 * path ({@code OutboundExchange#message}). Internal: not an API.
 */
package io.github.camelmessenger.internal.operation;
