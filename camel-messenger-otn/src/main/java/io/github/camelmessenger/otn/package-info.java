/**
 * The {@code messenger-otn} Camel component: One-Time Notification tokens and contacts on top of the
 * {@code messenger} component. Producers ({@code store}, {@code setAttribute}, {@code getAttributes},
 * {@code recordInbound}) are in {@code producer}, the scheduled consumers ({@code broadcast}, {@code withoutToken})
 * in {@code broadcast}, the contact and token store in {@code store}.
 */
package io.github.camelmessenger.otn;
