/**
 * Immutable, typed model of a Send API request. Every type serializes with Jackson to exactly the JSON the Send API
 * expects (snake_case keys, absent optional fields omitted), so a route can build a request in Java and the producer
 * can send {@code mapper.valueToTree(request)} unchanged. The model is for building requests; it performs no
 * validation itself: the {@code validation} package checks the JSON tree, whether it came from this model or from a
 * user's Map/JSON body.
 */
package io.github.camelmessenger.model;
