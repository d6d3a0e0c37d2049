package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Remove;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * The rules of a Thing Registry (XEP-0347 §3.6-§3.17), independent of XMPP: one record per bare JID and node triple,
 * re-registration replaces the tags, claimed Things are never re-registered, unclaimed Things are never found,
 * {@code KEY} is never matched and never returned, failures to claim, remove, update or disown say
 * {@code item-not-found} without saying why. Every method runs in one storage transaction and returns after the
 * commit. Callers serialise the calls (one thread) so that a check and the change it allows cannot interleave.
 *
 * @since 0.1.0
 */
public final class RegistryRules {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegistryStorage storage;
    private final RegistryOptions options;

    /**
     * Creates the rules over a storage.
     *
     * @param storage the records
     * @param options limits
     */
    public RegistryRules(RegistryStorage storage, RegistryOptions options) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Registers a Thing (XEP-0347 §3.6-§3.8).
     *
     * @param from the full JID of the Thing or concentrator
     * @param req  the request
     * @return the outcome
     * @throws IotErrorException {@code bad-request} for duplicate tag names or too many tags;
     *                           {@code resource-constraint} for a new record beyond
     *                           {@link RegistryOptions#maxRecordsPerJid()}
     */
    public RegisterOutcome register(Jid from, Register req) throws IotErrorException {
        List<MetaTag> tags = checkTags(req.tags());
        ThingKey key = new ThingKey(from.asBareJid(), req.node().orElse(null));
        return tx(tx -> {
            ThingRecord old = tx.find(key).orElse(null);
            if (old != null && old.isClaimed() && !old.selfOwned()) {
                return new RegisterOutcome.AlreadyClaimed(old.owner());
            }
            if (old == null && tx.countByJid(key.jid()) >= options.maxRecordsPerJid()) {
                throw new Refused(IotErrors.resourceConstraint(key.jid() + " already has "
                        + options.maxRecordsPerJid() + " records in this registry (the limit); unregister unused"
                        + " nodes first"));
            }
            BareJid owner = req.selfOwned() ? from.asBareJid() : null;
            return new RegisterOutcome.Registered(tx.put(key, tags, owner, req.selfOwned(), req.selfOwned(), from));
        });
    }

    /**
     * Claims a Thing (XEP-0347 §3.9): finds an unclaimed record (or one the same owner already claimed) whose tags are
     * exactly the given ones, and makes the requester its owner.
     *
     * @param from the owner's JID
     * @param req  the request
     * @return the claimed record
     * @throws IotErrorException {@code item-not-found} if no such Thing exists or another owner has it
     */
    public ThingRecord claim(Jid from, Mine req) throws IotErrorException {
        List<MetaTag> tags = checkTags(req.tags());
        BareJid owner = from.asBareJid();
        if (tags.isEmpty()) {
            throw notFound();
        }
        MetaTag driver = tags.stream().filter(MetaTag::isKey).findFirst().orElse(tags.get(0));
        NodeRef node = req.node().orElse(null);
        return tx(tx -> {
            for (ThingRecord r : tx.findByTag(driver)) {
                boolean mayClaim = !r.isClaimed() || owner.equals(r.owner()) && !r.selfOwned();
                boolean nodeOk = node == null
                        || r.key().node() != null && node.matches(r.key().node());
                if (mayClaim && nodeOk && sameTags(r.tags(), tags)) {
                    tx.setOwnership(r.id(), owner, req.isPublic());
                    return new ThingRecord(r.id(), r.key(), r.tags(), owner, req.isPublic(), false, r.lastSeen());
                }
            }
            throw new Refused(notFound());
        });
    }

    /**
     * Removes a Thing on its owner's request (XEP-0347 §3.10).
     *
     * @param from the owner's JID
     * @param req  the request
     * @return the removed record (to tell the Thing)
     * @throws IotErrorException {@code item-not-found} if not found or not owned by the requester
     */
    public ThingRecord remove(Jid from, Remove req) throws IotErrorException {
        ThingKey key = new ThingKey(req.jid().asBareJid(), req.node().orElse(null));
        return tx(tx -> {
            ThingRecord r = ownedBy(tx, key, from);
            tx.delete(r.id());
            return r;
        });
    }

    /**
     * Updates tags (XEP-0347 §3.13 by the Thing, §3.14 by the owner with {@code jid}). Only the given tags change; a
     * string tag with an empty value is removed.
     *
     * @param from the Thing's or the owner's JID
     * @param req  the request
     * @return true if updated; false if the Thing is registered but not claimed (answer {@code disowned})
     * @throws IotErrorException {@code item-not-found} if not registered (or, for an owner, not owned);
     *                           {@code bad-request} for duplicate names or too many tags
     */
    public boolean update(Jid from, Update req) throws IotErrorException {
        List<MetaTag> tags = checkTags(req.tags());
        boolean byOwner = req.jid().isPresent();
        ThingKey key = new ThingKey(
                byOwner ? req.jid().get().asBareJid() : from.asBareJid(),
                req.node().orElse(null));
        return tx(tx -> {
            ThingRecord r;
            if (byOwner) {
                r = ownedBy(tx, key, from);
            } else {
                r = tx.find(key).orElseThrow(() -> new Refused(notFound()));
                if (!r.isClaimed()) {
                    return false;
                }
                tx.setLastSeen(r.id(), from);
            }
            List<String> removed = new ArrayList<>();
            List<MetaTag> set = new ArrayList<>();
            for (MetaTag t : tags) {
                if (t instanceof StringTag s && s.value().isEmpty()) {
                    removed.add(t.key());
                } else {
                    set.add(t);
                }
            }
            tx.removeTags(r.id(), removed);
            tx.upsertTags(r.id(), set);
            if (tx.find(key).map(x -> x.tags().size()).orElse(0) > options.maxTagsPerThing()) {
                throw new Refused(IotErrors.badRequest("more than " + options.maxTagsPerThing() + " meta tags"));
            }
            return true;
        });
    }

    /**
     * Searches claimed public Things (XEP-0347 §3.15). Any operator on {@code KEY} gives an empty result; pages are at
     * most {@link RegistryOptions#maxPageSize()} long.
     *
     * @param req the request
     * @return the page
     * @throws IotErrorException {@code bad-request} for more than {@link RegistryOptions#maxSearchOperators()}
     *                           operators; {@code resource-constraint} if the query outlasts
     *                           {@link RegistryOptions#searchTimeout()}
     */
    public SearchResult search(Search req) throws IotErrorException {
        checkSearch(req);
        if (req.operators().stream().anyMatch(op -> op.refersToKey())) {
            return new SearchResult(List.of(), false);
        }
        int limit = Math.min(req.maxCount().orElse(options.maxPageSize()), options.maxPageSize());
        RegistryTransaction.Page page;
        try {
            page = storage.inTransaction(
                    tx -> tx.search(req.operators(), req.offset(), limit, options.searchTimeout()));
        } catch (RegistryStorageException e) {
            if (e.getCause() instanceof java.sql.SQLTimeoutException
                    || e.getCause() instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                throw IotErrors.resourceConstraint("the search took longer than " + options.searchTimeout()
                        + "; use fewer or more selective operators");
            }
            throw e;
        }
        List<FoundThing> things = new ArrayList<>();
        for (ThingRecord r : page.records()) {
            things.add(new FoundThing(r.owner(), r.key().jid(), r.key().node(), MetaTags.withoutKey(r.tags())));
        }
        return new SearchResult(things, page.more());
    }

    /**
     * Checks the size of a search before it is queued (XEP-0347 §3.15).
     *
     * @param req the request
     * @throws IotErrorException {@code bad-request} for more than {@link RegistryOptions#maxSearchOperators()}
     *                           operators
     */
    public void checkSearch(Search req) throws IotErrorException {
        if (req.operators().size() > options.maxSearchOperators()) {
            throw IotErrors.badRequest("more than " + options.maxSearchOperators() + " search operators ("
                    + req.operators().size() + "); this registry's limit");
        }
    }

    /**
     * Unregisters a Thing on its own request (XEP-0347 §3.16); nothing happens if it is not registered.
     *
     * @param from the Thing's JID
     * @param req  the request
     */
    public void unregister(Jid from, Unregister req) {
        ThingKey key = new ThingKey(from.asBareJid(), req.node().orElse(null));
        storage.inTransaction(tx -> tx.find(key).map(r -> tx.delete(r.id())).orElse(false));
    }

    /**
     * First step of a disown (XEP-0347 §3.17): checks that the requester owns the Thing.
     *
     * @param from the owner's JID
     * @param req  the request
     * @return the record (the registry then sends {@code disowned} to the Thing)
     * @throws IotErrorException {@code item-not-found} if not found or not owned by the requester
     */
    public ThingRecord checkDisown(Jid from, Disown req) throws IotErrorException {
        ThingKey key = new ThingKey(req.jid().asBareJid(), req.node().orElse(null));
        return tx(tx -> ownedBy(tx, key, from));
    }

    /**
     * Second step of a disown, after the Thing acknowledged {@code disowned} (XEP-0347 §3.17): the record becomes
     * unclaimed, loses all its tags and gets a random {@code KEY}.
     *
     * @param from the owner's JID
     * @param key  the Thing
     * @throws IotErrorException {@code item-not-found} if the record changed owner or vanished meanwhile
     */
    public void completeDisown(Jid from, ThingKey key) throws IotErrorException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        List<MetaTag> tags = List.of(new StringTag(MetaTags.KEY, HexFormat.of().formatHex(secret)));
        tx(tx -> {
            ThingRecord r = ownedBy(tx, key, from);
            return tx.put(key, tags, null, false, false, r.lastSeen());
        });
    }

    private ThingRecord ownedBy(RegistryTransaction tx, ThingKey key, Jid from) {
        ThingRecord r = tx.find(key).orElseThrow(() -> new Refused(notFound()));
        if (!from.asBareJid().equals(r.owner())) {
            throw new Refused(notFound());
        }
        return r;
    }

    private List<MetaTag> checkTags(List<MetaTag> tags) throws IotErrorException {
        try {
            MetaTags.checkUnique(tags);
        } catch (IllegalArgumentException e) {
            throw IotErrors.badRequest(e.getMessage());
        }
        if (tags.size() > options.maxTagsPerThing()) {
            throw IotErrors.badRequest("more than " + options.maxTagsPerThing() + " meta tags");
        }
        return tags;
    }

    static boolean sameTags(List<MetaTag> stored, List<MetaTag> given) {
        if (stored.size() != given.size()) {
            return false;
        }
        Map<String, MetaTag> byKey = stored.stream().collect(Collectors.toMap(MetaTag::key, Function.identity()));
        for (MetaTag g : given) {
            MetaTag s = byKey.get(g.key());
            boolean same = s instanceof StringTag ss
                            && g instanceof StringTag gs
                            && ss.value().equals(gs.value())
                    || s instanceof NumericTag sn && g instanceof NumericTag gn && sn.doubleValue() == gn.doubleValue();
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static IotErrorException notFound() {
        return IotErrors.itemNotFound(null);
    }

    private <T> T tx(RegistryStorage.TransactionWork<T> work) throws IotErrorException {
        try {
            return storage.inTransaction(work);
        } catch (Refused r) {
            throw r.error;
        }
    }

    /** Carries a refusal out of a transaction, rolling it back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IotErrorException error;

        Refused(IotErrorException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }
}
