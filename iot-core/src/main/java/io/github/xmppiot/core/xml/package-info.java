/**
 * The XML reading and writing toolkit shared by all extension modules: lenient on input as CHECKLIST §14 lists
 * (xs:boolean as {@code 1}/{@code 0}, unknown elements and attributes skipped, {@code xml:lang} tolerated), strict
 * and spec-shaped on output, and a structural XML comparison for tests.
 */
package io.github.xmppiot.core.xml;
