/** The producers of {@code messenger-otn}: opt-in exchange → stored token; contact attributes and inbound times. */
package io.github.camelmessenger.otn.producer;
