/**
 * Typed values of sensor-data fields (XEP-0323 §3.1 "Field value types"), control parameters (XEP-0325 §3.2) and
 * node parameters (XEP-0326 §3.7), as immutable records under the sealed interface {@link
 * io.github.xmppiot.core.value.Value}. Every value type parses its XML Schema lexical form strictly and prints the
 * canonical form the XEPs use.
 */
package io.github.xmppiot.core.value;
