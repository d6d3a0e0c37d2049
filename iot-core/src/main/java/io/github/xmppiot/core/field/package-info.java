/**
 * Sensor-data fields (XEP-0323 §3.1): field categories, quality-of-service flags, localisation and the field record
 * shared by read-outs, provisioning checks, concentrators and the Thing model.
 */
package io.github.xmppiot.core.field;
