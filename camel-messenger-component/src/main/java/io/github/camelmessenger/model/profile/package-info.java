/**
 * Immutable, typed model of the Page's Messenger Profile ({@code setMessengerProfile}) and of a persona
 * ({@code createPersona}). Each type serializes with Jackson to exactly the JSON the Graph API expects, so the
 * producer checks and sends it like a Map/JSON body of the same shape.
 */
package io.github.camelmessenger.model.profile;
