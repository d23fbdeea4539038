/**
 * Checks a Send API (or Attachment Upload API) request body against the documented platform limits before any HTTP
 * call. It works on the JSON tree, so requests built with the typed model and raw Map/JSON bodies from users get the
 * same checks. Every number and allowed value lives in {@link io.github.camelmessenger.internal.validation.PlatformLimits}.
 */
package io.github.camelmessenger.internal.validation;
