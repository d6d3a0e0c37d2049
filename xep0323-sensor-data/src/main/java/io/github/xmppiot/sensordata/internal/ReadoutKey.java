package io.github.xmppiot.sensordata.internal;

import org.jxmpp.jid.Jid;

/**
 * Identifies a read-out on the Thing side: requester full JID plus {@code seqnr} (XEP-0323 §3, CHECKLIST 323-2).
 *
 * @param requester the requester's full JID
 * @param seqnr     the requester's sequence number
 */
public record ReadoutKey(Jid requester, int seqnr) {}
