package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.SearchOperator;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * The operations of a {@link RegistryStorage} inside one transaction. The storage keeps records and answers searches
 * from indexes; the rules of XEP-0347 are applied by {@link RegistryRules}. Tag names are compared case-insensitively
 * ({@link MetaTag#key()}).
 *
 * @since 0.1.0
 */
public interface RegistryTransaction {

    /**
     * The record of a Thing.
     *
     * @param key the Thing
     * @return the record, if registered
     */
    Optional<ThingRecord> find(ThingKey key);

    /**
     * Records that have a tag with this name and kind and an equal value (the candidates of an ownership claim,
     * XEP-0347 §3.9).
     *
     * @param tag the tag
     * @return the records, in registration order
     */
    List<ThingRecord> findByTag(MetaTag tag);

    /**
     * Creates or replaces the record of a Thing: the tags are replaced entirely (XEP-0347 §3.6).
     *
     * @param key       the Thing
     * @param tags      the new tags
     * @param owner     the owner, or null for an unclaimed Thing
     * @param isPublic  whether searchable once claimed
     * @param selfOwned whether self-owned
     * @param lastSeen  the full JID the request came from, or null
     * @return the stored record
     */
    ThingRecord put(ThingKey key, List<MetaTag> tags, BareJid owner, boolean isPublic, boolean selfOwned, Jid lastSeen);

    /**
     * Changes the ownership of a record; tags stay.
     *
     * @param id       the record
     * @param owner    the new owner, or null to make it unclaimed
     * @param isPublic whether searchable
     */
    void setOwnership(long id, BareJid owner, boolean isPublic);

    /**
     * Sets or replaces some tags of a record, leaving the others (XEP-0347 §3.13).
     *
     * @param id   the record
     * @param tags the tags to set
     */
    void upsertTags(long id, List<MetaTag> tags);

    /**
     * Removes tags of a record by name (case-insensitive).
     *
     * @param id    the record
     * @param names the names
     */
    void removeTags(long id, List<String> names);

    /**
     * Remembers the full JID a Thing last sent a request from.
     *
     * @param id       the record
     * @param lastSeen the full JID
     */
    void setLastSeen(long id, Jid lastSeen);

    /**
     * Deletes a record with its tags.
     *
     * @param id the record
     * @return true if it existed
     */
    boolean delete(long id);

    /**
     * Searches claimed public Things (XEP-0347 §3.15): the operators are ANDed and evaluated on the tag indexes.
     * Callers handle {@code KEY} before calling; the storage never returns {@code KEY} tags.
     *
     * @param operators at least one operator
     * @param offset    number of matching records to skip, in registration order
     * @param limit     largest number of records to return
     * @param timeout   longest time the database may spend on the query (JDBC query timeout, whole seconds, at least
     *                  one); a query that takes longer fails with {@link java.sql.SQLTimeoutException} as its cause
     * @return up to {@code limit} records, and whether more exist
     */
    Page search(List<SearchOperator> operators, int offset, int limit, java.time.Duration timeout);

    /**
     * {@link #search(List, int, int, java.time.Duration)} with {@link RegistryOptions#DEFAULT_SEARCH_TIMEOUT}.
     *
     * @param operators at least one operator
     * @param offset    number of matching records to skip, in registration order
     * @param limit     largest number of records to return
     * @return up to {@code limit} records, and whether more exist
     */
    default Page search(List<SearchOperator> operators, int offset, int limit) {
        return search(operators, offset, limit, RegistryOptions.DEFAULT_SEARCH_TIMEOUT);
    }

    /**
     * Number of records registered by one bare JID (all its node triples), to cap what one account can store.
     *
     * @param jid the Thing's or concentrator's bare JID
     * @return the count
     */
    int countByJid(BareJid jid);

    /**
     * A page of search results.
     *
     * @param records the records, with their tags (without {@code KEY})
     * @param more    whether more matching records exist after this page
     */
    record Page(List<ThingRecord> records, boolean more) {

        /**
         * Copies the list.
         */
        public Page {
            records = List.copyOf(records);
        }
    }
}
