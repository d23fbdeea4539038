/**
 * Parsers for the compact text forms no-code users type into URI options and headers ({@code Label=value} buttons,
 * {@code Label [icon]} quick replies). They only check the syntax; platform limits are checked afterwards on the
 * complete request by the {@code validation} package.
 */
package io.github.camelmessenger.internal.shorthand;
